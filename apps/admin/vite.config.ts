import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built dashboard from its own origin, so the app only ever calls the relative `/graphql`;
// in development Vite forwards it, the draws' public files and the attachments to a locally running API.
export default defineConfig({
  plugins: [react()],
  base: './',
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
  },
});
