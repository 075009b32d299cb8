import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { probedContext } from './page-probe.ts';
import { startStaticServer } from './static-server.ts';

// `npx tsx bench/timeline.ts [--data events] [--page app|baseline]`: what happens when, on the way
// to a first view: each response's arrival (as the server sent it), the app's performance marks,
// the map's states and the main thread's long tasks, in ms since navigation. A tool for finding
// what a first view waits on; the bench itself only times it.

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'events' },
    page: { type: 'string', default: 'app' },
    dist: { type: 'string', default: 'dist' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '720' },
  },
});

const server = await startStaticServer(resolve(values.dist));
await server.preload();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await probedContext(browser, { width: Number(values.width), height: Number(values.height) });
await context.addInitScript(() => {
  const states: { at: number; state: string }[] = [];
  (window as unknown as { __states: typeof states }).__states = states;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as HTMLElement;
      const s = el.getAttribute?.('data-map-state');
      if (s) states.push({ at: performance.now(), state: s });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-state'] });
});
const page = await context.newPage();
const url =
  values.page === 'app'
    ? `${server.origin}/?data=${values.data}`
    : `${server.origin}/bench/baseline/?data=${values.data}`;
const navStart = Date.now();
const responses: { at: number; url: string }[] = [];
page.on('response', (r) => responses.push({ at: Date.now() - navStart, url: r.url() }));
await page.goto(url, { waitUntil: 'commit' });
await page.waitForFunction(() => window.__benchProbe?.readyAt != null, undefined, {
  polling: 50,
  timeout: 180_000,
});
const result = await page.evaluate(() => ({
  readyAt: window.__benchProbe?.readyAt,
  longTasks: window.__benchProbe?.longTasks,
  marks: performance.getEntriesByType('mark').map((m) => ({ at: m.startTime, name: m.name })),
  measures: performance
    .getEntriesByType('measure')
    .map((m) => ({ at: m.startTime, d: m.duration, name: m.name })),
  resources: performance
    .getEntriesByType('resource')
    .map((r) => ({ at: (r as PerformanceResourceTiming).responseEnd, start: r.startTime, url: r.name })),
  states: (window as unknown as { __states: unknown }).__states,
}));
const lines: [number, string][] = [];
for (const r of result.resources ?? [])
  lines.push([r.at, `resource ${r.url.replace(server.origin, '')} (started ${r.start.toFixed(0)})`]);
for (const m of result.marks) lines.push([m.at, `mark ${m.name}`]);
for (const m of result.measures) lines.push([m.at, `measure ${m.name} ${m.d.toFixed(0)} ms`]);
for (const t of result.longTasks ?? []) lines.push([t.start, `long task ${t.duration.toFixed(0)} ms`]);
for (const s of result.states as { at: number; state: string }[]) lines.push([s.at, `map-state ${s.state}`]);
lines.push([result.readyAt ?? 0, 'READY']);
lines.sort((a, b) => a[0] - b[0]);
for (const [at, text] of lines) console.log(`${at.toFixed(0).padStart(7)}  ${text}`);
await browser.close();
await server.close();
