import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';

// The only file that imports @playwright/test: specs take `test` and `expect` from here, so every
// test gets the same guard against requests leaving the page's own origin.

export interface AtlasFixtures {
  /** Origins other than the app's own that a test deliberately talks to (an embedding host). */
  extraOrigins: string[];
  /** Every request the page made to any other origin; checked empty after each test. */
  foreignRequests: string[];
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-extension:']);

export const test = base.extend<AtlasFixtures>({
  extraOrigins: [[], { option: true }],
  foreignRequests: [
    async ({ context, baseURL, extraOrigins }, use) => {
      const allowed = new Set([new URL(baseURL ?? 'http://127.0.0.1/').origin, ...extraOrigins]);
      const foreign: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (!LOCAL_SCHEMES.has(url.protocol) && !allowed.has(url.origin)) foreign.push(request.url());
      });
      await use(foreign);
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export type { Locator, Page };
export { expect };
