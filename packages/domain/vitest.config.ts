import { defineConfig } from 'vitest/config';

// The draw's statistical and command-line tests do real work (100,000 draws, a child process): on a
// busy two-core machine they take longer than vitest's default 5 s without being wrong.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
