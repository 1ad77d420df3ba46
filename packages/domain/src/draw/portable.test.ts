/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = new URL('./', import.meta.url);
const core = readdirSync(here).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'cli.ts',
);

describe('the draw core', () => {
  it('uses no Node-only API, so the dashboard can run and verify draws in the browser', () => {
    expect(core.length).toBeGreaterThan(5);
    for (const file of core) {
      const source = readFileSync(new URL(file, here), 'utf8');
      expect(source, file).not.toMatch(/from 'node:|require\(|\bBuffer\b|\bprocess\b|reference types="node"/);
    }
  });
});
