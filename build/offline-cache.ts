import type { GenerateSWOptions } from 'workbox-build';

// The offline cache for presenters at venues without a network, made by Workbox (through
// vite-plugin-pwa): every file is precached under a content revision, so a new deploy downloads
// only the files that changed, and the pages, the code and the data (data/*.json) are served from
// one precache, so they always come from the same build. A new build's worker takes over at once
// (skipWaiting, clientsClaim) and start.tsx reloads the page when it does: the reader then sees the
// new code with the new data, never one build's code over another's data.

/** The precache's part of the Workbox options, shared by the build and the e2e test that redeploys. */
export const offlineCacheOptions = {
  globPatterns: ['**/*.{html,js,mjs,css,json,svg,png,woff,woff2,pbf}'],
  // The bench's own pages and the synthetic datasets made after a build are not the app.
  // The Chinese font subset (public/fonts/, ~85 kB) is not precached, so English readers never
  // download it; a page that uses it keeps it in the runtime cache below for offline use.
  globIgnores: [
    'bench/**',
    'assets/baseline-*',
    'data/synthetic-*',
    '**/*.map',
    'sw.js',
    'workbox-*.js',
    'fonts/noto-sans-sc-*.woff2',
  ],
  runtimeCaching: [
    {
      urlPattern: /\/fonts\/noto-sans-sc-[^/]*\.woff2$/,
      handler: 'CacheFirst',
      options: { cacheName: 'chinese-font', expiration: { maxEntries: 2 } },
    },
  ],
  // The full world basemap is about 2 MB.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Vite's hashed file names already say their version; Workbox need not add one.
  dontCacheBustURLsMatching: /^assets\//,
  // Every page is index.html with query parameters (mode, step, the view).
  navigateFallback: 'index.html',
  navigateFallbackDenylist: [/\/bench\//],
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  skipWaiting: true,
  clientsClaim: true,
  // The worker's runtime inlined into sw.js: one file, no importScripts from a CDN.
  inlineWorkboxRuntime: true,
  sourcemap: false,
} satisfies Partial<GenerateSWOptions>;
