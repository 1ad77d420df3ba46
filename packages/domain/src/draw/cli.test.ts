/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrawInput, DrawRecord } from './types.js';

// The command runs the built package: the domain's `test` script builds before running vitest.
const CLI = fileURLToPath(new URL('../../dist/draw/cli.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const VECTORS = new URL('../../spec/draw-v1-vectors.json', import.meta.url);
const cases = (
  JSON.parse(readFileSync(VECTORS, 'utf8')) as {
    cases: { name: string; input: DrawInput; record?: DrawRecord; error?: string }[];
  }
).cases;

function run(command: string, args: string[], stdin: string) {
  const result = spawnSync(command, args, { input: stdin, encoding: 'utf8', cwd: REPO });
  return {
    stdout: result.stdout,
    status: result.status,
    lastLine: result.stdout.trimEnd().split('\n').at(-1),
  };
}
const draw = (subcommand: string, stdin: string) => run(process.execPath, [CLI, subcommand], stdin);
const flipHex = (hex: string): string => (hex.startsWith('0') ? '1' : '0') + hex.slice(1);

describe('the draw command', () => {
  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: build @suiji/domain first (its test script does)`);
  });

  for (const { name, input, record, error } of cases) {
    if (record !== undefined) {
      it(`makes, then verifies, the expected record: ${name}`, () => {
        const made = draw('make', JSON.stringify(input));
        expect(made.status).toBe(0);
        expect(JSON.parse(made.stdout)).toStrictEqual(record);
        expect(draw('verify', JSON.stringify(record))).toMatchObject({ stdout: 'OK\n', status: 0 });
        const tampered = { ...record, seed: flipHex(record.seed) };
        expect(draw('verify', JSON.stringify(tampered))).toMatchObject({
          stdout: 'MISMATCH seed\n',
          status: 1,
        });
      });
    } else {
      it(`prints ERROR ${error}: ${name}`, () => {
        expect(draw('make', JSON.stringify(input))).toMatchObject({ lastLine: `ERROR ${error}`, status: 1 });
      });
    }
  }

  it('names the first mismatching field of a tampered record', () => {
    const record = cases.find((c) => c.record?.replacements.length)!.record!;
    const [first, ...rest] = record.replacements;
    const tampered = { ...record, replacements: [{ ...first!, in: first!.out }, ...rest] };
    expect(draw('verify', JSON.stringify(tampered))).toMatchObject({
      stdout: 'MISMATCH replacements\n',
      status: 1,
    });
    const both = { ...tampered, commitment: flipHex(record.commitment) };
    expect(draw('verify', JSON.stringify(both))).toMatchObject({
      stdout: 'MISMATCH commitment\n',
      status: 1,
    });
  });

  it('prints ERROR BAD_INPUT for text that is not JSON, and ERROR USAGE for an unknown command', () => {
    expect(draw('make', '{"drawId":')).toMatchObject({ lastLine: 'ERROR BAD_INPUT', status: 1 });
    expect(draw('verify', '')).toMatchObject({ lastLine: 'ERROR BAD_INPUT', status: 1 });
    expect(draw('shuffle', '{}')).toMatchObject({ lastLine: 'ERROR USAGE', status: 2 });
  });

  it('runs from the repository root as `pnpm -s draw`, printing nothing but the result', () => {
    const record = cases.find((c) => c.record)!.record!;
    expect(run('pnpm', ['-s', 'draw', 'verify'], JSON.stringify(record))).toMatchObject({
      stdout: 'OK\n',
      status: 0,
    });
    const tampered = { ...record, poolDigest: flipHex(record.poolDigest) };
    expect(run('pnpm', ['-s', 'draw', 'verify'], JSON.stringify(tampered))).toMatchObject({
      stdout: 'MISMATCH poolDigest\n',
      status: 1,
    });
    const made = run('pnpm', ['-s', 'draw', 'make'], JSON.stringify(cases[0]!.input));
    expect(made.status).toBe(0);
    expect(JSON.parse(made.stdout)).toStrictEqual(cases[0]!.record);
    const refused = cases.find((c) => c.error)!;
    expect(run('pnpm', ['-s', 'draw', 'make'], JSON.stringify(refused.input))).toMatchObject({
      stdout: `ERROR ${refused.error}\n`,
      status: 1,
    });
  });
});
