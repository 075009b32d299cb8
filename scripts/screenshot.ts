import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';

// A developer's eye: `npx tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [waitState]`.
const [url = 'http://127.0.0.1:4173/', out = 'screenshot.png', size = '1280x720', wait = 'ready'] =
  process.argv.slice(2);
const [width, height] = size.split('x').map(Number) as [number, number];
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width, height } });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
if (wait !== 'none') {
  await page
    .waitForSelector(`[data-map-state="${wait}"]`, { timeout: 30_000 })
    .catch(() => console.error('no', wait));
}
await page.screenshot({ path: out });
await browser.close();
