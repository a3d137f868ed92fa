import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The report (scripts/report-size.mjs) reads the manifest to sum the entry and its static imports.
    manifest: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    // The budget that matters is the gzip size of the initial chunks, checked by report-size.mjs.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run portal:dev` runs next to `npm start`: same-origin calls through the dev server.
    proxy: {
      '/api': 'http://localhost:8080',
      '/realms': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    pool: 'vmThreads',
  },
});
