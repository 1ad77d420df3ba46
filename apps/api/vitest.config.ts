import { defineConfig } from 'vitest/config';

// graphql 16 has no exports map: without the alias Vite would hand our code index.mjs while
// type-graphql and Apollo load index.js, and graphql would refuse the "other realm" schema.
const shared = {
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
};

// Every API test runs twice: on the embedded SQLite database and on PostgreSQL (127.0.0.1:5432).
export default defineConfig({
  ...shared,
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        ...shared,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts'],
          env: { SUIJI_TEST_DB: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'postgresql',
          include: ['src/**/*.test.ts'],
          env: { SUIJI_TEST_DB: 'postgresql' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
