import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.js';

describe('the checked-in schema', () => {
  it('matches the schema the resolvers build (run `pnpm --filter @suiji/api schema:print` after changing them)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printedSchema());
  });
});
