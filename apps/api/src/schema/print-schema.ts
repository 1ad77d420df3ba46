/**
 * Prints the GraphQL schema as SDL. `pnpm --filter @suiji/api schema:print` writes apps/api/schema.graphql;
 * a test fails when the checked-in file differs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../graphql/schema.js';

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
