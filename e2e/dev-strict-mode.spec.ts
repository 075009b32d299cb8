import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';
import { expectEarlyMapAdopted } from './support/first-view-driver.ts';
import { test as base } from './support/test.ts';

// The development server runs the app under React's StrictMode, which mounts, unmounts and
// mounts every component again. The map made before React must survive that (it is handed back
// and taken again, not destroyed), or development and production behave differently.

const root = fileURLToPath(new URL('..', import.meta.url));

const test = base.extend<{ extraOrigins: string[] }, { devServer: { origin: string } }>({
  devServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server: ViteDevServer = await createServer({
        root,
        configFile: `${root}vite.config.ts`,
        logLevel: 'error',
        server: { port: 0, host: '127.0.0.1', strictPort: false },
      });
      await server.listen();
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await use({ origin: `http://127.0.0.1:${port}` });
      await server.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  extraOrigins: async ({ devServer }, use) => use([devServer.origin]),
});

test('under StrictMode (the dev server) the explorer takes over the map made before React', async ({
  page,
  devServer,
}) => {
  test.setTimeout(120_000);
  await expectEarlyMapAdopted(page, `${devServer.origin}/`);
});
