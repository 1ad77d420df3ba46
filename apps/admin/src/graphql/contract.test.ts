/**
 * The typed contract holds: `pnpm typecheck` (and build, lint, test) first generates the documents' types
 * from apps/api/schema.graphql, and fails when the dashboard selects a field the schema no longer has.
 * Shown on a copy of the schema with one field the dashboard uses removed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../codegen.config';

const app = fileURLToPath(new URL('../../', import.meta.url));
const schemaText = readFileSync(join(app, '../api/schema.graphql'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'suiji-contract-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the dashboard's codegen against `schema`, writing into the scratch folder; resolves to the files. */
function codegenAgainst(schema: string, name: string) {
  const schemaFile = join(scratch, `${name}.graphql`);
  writeFileSync(schemaFile, schema);
  const [[, target]] = Object.entries(config.generates) as [[string, object]];
  return generate(
    {
      ...config,
      cwd: app,
      schema: schemaFile,
      silent: true,
      errorsOnly: true,
      generates: { [join(scratch, name) + '/']: target },
    },
    true,
  );
}

describe('the dashboard’s contract with the API', () => {
  it('generates from the checked-in schema', async () => {
    const files = (await codegenAgainst(schemaText, 'as-is')) as { filename: string; content: string }[];
    const types = files.find((f) => f.filename.endsWith('graphql.ts'))?.content ?? '';
    expect(types).toContain('export type TargetFieldsFragment = {');
    expect(types).toMatch(/creditCode: string/);
  }, 60_000);

  it('fails, naming the field, when the schema drops one the dashboard selects', async () => {
    const field = '  creditCode: String!\n';
    const target = schemaText.indexOf('\ntype Target {');
    const at = schemaText.indexOf(field, target);
    expect(target, 'the schema has a Target type').toBeGreaterThan(0);
    expect(at, 'Target has creditCode').toBeGreaterThan(target);
    const broken = schemaText.slice(0, at) + schemaText.slice(at + field.length);
    await expect(codegenAgainst(broken, 'broken')).rejects.toThrow(
      /Cannot query field "creditCode" on type "Target"/,
    );
  }, 60_000);
});
