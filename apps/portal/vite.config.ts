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
    // `npm run portal:dev` next to `RELAIS_PUBLIC_URL=http://127.0.0.1:8090 npm start`: the dev server
    // answers on an origin the realm's redirect URIs allow, and the tokens' issuer is that same origin.
    host: '127.0.0.1',
    port: 8090,
    strictPort: true,
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/realms': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    pool: 'vmThreads',
  },
});
