/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// The project's shared folder sits beside the repository (as in CI); the package keeps a copy so that
// the published code carries its specification.
const shared = here('../../../../../shared/spec/');
const own = here('../../spec/');

describe.runIf(existsSync(shared))('the specification kept with the package', () => {
  it.each(['draw-v1.md', 'draw-v1-vectors.json'])('is the same as the shared %s', (name) => {
    expect(readFileSync(own + name, 'utf8')).toBe(readFileSync(shared + name, 'utf8'));
  });
});
