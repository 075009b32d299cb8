import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { offlineCacheOptions } from './build/offline-cache.ts';

// BASE_PATH lets the same build be served under a sub-path (e.g. /atlas/); every runtime URL is
// resolved against import.meta.env.BASE_URL so nothing assumes the site root.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base: base.endsWith('/') ? base : `${base}/`,
  plugins: [
    react(),
    // start.tsx registers the worker itself (after the first map, never in embeds) and adds no
    // inline script, so the README's CSP holds; no web app manifest, this is not an installable app.
    VitePWA({
      strategies: 'generateSW',
      filename: 'sw.js',
      injectRegister: false,
      manifest: false,
      workbox: offlineCacheOptions,
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // The bench's bare-MapLibre page is built with the site so both are measured from one build.
    rolldownOptions: { input: { main: 'index.html', baseline: 'bench/baseline/index.html' } },
  },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
