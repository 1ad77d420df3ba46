/**
 * The dashboard's typed contract with the API: its GraphQL documents (`graphql(…)` in src) are validated
 * against the API's checked-in schema, and their result and variable types generated into
 * src/graphql/generated/ (not kept in git: every typecheck, lint, test and build generates them first).
 * A field the dashboard selects that the schema no longer has fails here, before the type check.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  // Every operation and fragment the dashboard sends is written in src/graphql/, in `graphql(…)` calls.
  documents: ['src/graphql/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: true },
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
