import { defineConfig } from 'vite';

// The UI is served by `rasd serve` from web/dist; in development, `vite web` proxies /api to a running server.
const apiTarget = process.env.RASD_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts, and the preload polyfill is one.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': apiTarget, '/openapi.json': apiTarget } },
});
