// One lint setup for every package: type-checked rules from typescript-eslint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/bench-dist/**',
      '**/node_modules/**',
      '**/*.config.*',
      'apps/api/src/migrations/**',
      // One-line CommonJS stand-ins for polyfills, read by the dashboard's bundler only (see vite.config.ts).
      'apps/admin/shims/**',
      // Generated from the schema and the dashboard's documents by `pnpm codegen` (apps/admin/codegen.config.ts).
      'apps/admin/src/graphql/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/require-await': 'off',
      // Configuration is read and validated in one env.ts per app (STYLE.md, 6).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in env.ts and pass it on.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['process', 'node:process'].map((name) => ({
            name,
            importNames: ['env'],
            message: 'Read configuration in env.ts and pass it on.',
          })),
        },
      ],
    },
  },
  {
    files: ['apps/api/src/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The benchmarks are a program of their own beside the API: bench/env.ts is the one module of theirs that
    // reads their settings from the environment (and hands it on to their worker processes).
    files: ['apps/api/bench/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The browser tests' harness reads the Chromium it drives and hands its environment to the API and
    // dashboard it starts; it is a test program of its own, beside the dashboard's env.
    files: ['apps/admin/e2e/harness.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The API's test harness and its migration script are programs of their own: they read which test
    // database and which server to use, not the app's configuration (that stays in env.ts).
    files: ['apps/api/src/test/harness.ts', 'apps/api/scripts/create-migration.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read GraphQL results whose shape the query text gives, not a type: typing every result would
    // restate each query, and a wrong shape fails the assertion that reads it. Likewise a `!` after find()
    // in a test fails the test when the record is missing, which is what the test is for.
    // A `.fixture.ts` is test data a test file loads (the statistics tests' shared one).
    files: ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts', '**/test/**', 'apps/admin/e2e/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
