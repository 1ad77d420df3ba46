import { defineConfig } from 'vitest/config';

// One run covers the unit tests beside the sources and the browser test, which drives the built dashboard
// served by the real API in Chromium (it needs `vite build` and the API's build first; turbo orders that).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
