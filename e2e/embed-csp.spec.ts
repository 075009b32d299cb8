import { fileURLToPath } from 'node:url';
import { showEmbedList } from './support/atlas-driver.ts';
import type { StaticServer } from './support/host-server.ts';
import { startStaticServer } from './support/host-server.ts';
import type { Page } from './support/test.ts';
import { test as base, expect } from './support/test.ts';

// The production build under the strict Content Security Policy the README recommends: the
// built dist/ served with the header, and every violation collected, in the page and in the
// console (a worker's violations reach only the console).

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
].join('; ');

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const test = base.extend<{ extraOrigins: string[] }, { strictApp: StaticServer }>({
  strictApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startStaticServer({ root: dist, headers: { 'content-security-policy': CSP } });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extraOrigins: async ({ strictApp }, use) => use([strictApp.origin]),
});

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function watchForViolations(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleViolations.push(message.text());
  });
  return consoleViolations;
}

for (const [name, path] of [
  ['the embed', '/?mode=embed&event=joint-sea-2021'],
  ['the explorer', '/?country=RUS'],
] as const) {
  test(`${name} draws its map under the strict CSP with no violation`, async ({ page, strictApp }) => {
    const consoleViolations = await watchForViolations(page);
    const response = await page.goto(strictApp.url(path));
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'ready', {
      timeout: 30_000,
    });
    // Labels are drawn (the font loaded) and the table is there: the whole page works.
    // The embed folds its list behind a button; opening it draws the table under the policy too.
    if (name === 'the embed') await showEmbedList(page);
    await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(consoleViolations).toEqual([]);
  });
}
