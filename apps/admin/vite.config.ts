import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** A package's own files: the module ids Rolldown sees are paths under pnpm's node_modules. */
const inPackages = (...names: string[]) =>
  new RegExp(String.raw`[\\/]node_modules[\\/](${names.join('|')})[\\/]`);

/**
 * Libraries go in chunks of their own, named by the hash of their content, so that a release that changes only
 * the app's code leaves them cached (the API serves assets/ as immutable): React and the router; what the
 * first screen (sign-in, layout, home page) uses of the rest, MUI and react-admin; ECharts (about 190 kB
 * gzipped), only with the pages that draw charts; and what only the other pages use, split by the set of pages
 * that use it, so that each page loads its own and no more.
 */
const VENDOR_CHUNKS = [
  { name: 'react', test: inPackages('react', 'react-dom', 'scheduler', 'react-router'), priority: 40 },
  { name: 'echarts', test: inPackages('echarts', 'zrender'), priority: 30 },
  { name: 'vendor', test: inPackages('.+'), tags: ['$initial' as const], priority: 20 },
  { name: 'vendor-pages', test: inPackages('.+'), entriesAware: true, priority: 10 },
];

// The API serves the built dashboard from its own origin, so the app only ever calls the relative `/graphql`;
// in development Vite forwards it, the draws' public files and the attachments to a locally running API.
// `vite build --mode single-bundle` builds everything into one script: the baseline the first-screen
// benchmark (apps/api/bench/first-screen.ts) compares the split build with.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  base: './',
  // Polyfills for what every supported browser has, replaced by the built-in (see shims/).
  resolve: {
    alias: { 'object.entries': fileURLToPath(new URL('./shims/object-entries.cjs', import.meta.url)) },
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/draws': 'http://127.0.0.1:4000',
      // Uploads go to /inspections/<id>/attachments; the dashboard's own routes live after the '#'.
      '/inspections': 'http://127.0.0.1:4000',
      '/attachments': 'http://127.0.0.1:4000',
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: { codeSplitting: mode === 'single-bundle' ? false : { groups: VENDOR_CHUNKS } },
    },
  },
}));
