import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { probedContext } from './page-probe.ts';
import { startStaticServer } from './static-server.ts';
import { median } from './stats.ts';

// `npx tsx bench/threads.ts [--data synthetic-5000] [--runs 5]`: the CPU time each kind of thread
// spends before the first view is ready, app against baseline: the page's main thread, its
// workers (MapLibre's and the app's), the GPU process's main thread (where SwiftShader draws and
// compiles shaders) and the compositors, from a Chrome trace of each load. On a machine with as
// many busy threads as cores, the first view waits on the sum more than on any one order of
// work: this says where that sum comes from. A tool for finding what to cut; the bench itself
// only times the load.

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'synthetic-5000' },
    runs: { type: 'string', default: '5' },
    dist: { type: 'string', default: 'dist' },
    // The app's map area at 1280×720 (the table and filters take the rest), for the baseline.
    'map-size': { type: 'string', default: '950x509' },
  },
});

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const KINDS: [string, RegExp][] = [
  ['main', /^CrRendererMain$/],
  ['workers', /^DedicatedWorker/],
  ['gpu', /^CrGpuMain$/],
  ['compositor', /Compositor/],
];

/** CPU ms per thread kind from navigation to `readyAt` (top-level tasks, cut at ready). */
function cpuByKind(events: readonly TraceEvent[], readyAt: number): Record<string, number> {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const navigation = events.find((e) => e.name === 'navigationStart')?.ts ?? 0;
  const sums: Record<string, number> = Object.fromEntries(KINDS.map(([kind]) => [kind, 0]));
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !e.dur) continue;
    const start = (e.ts - navigation) / 1000;
    if (start > readyAt) continue;
    const kind = KINDS.find(([, pattern]) => pattern.test(names.get(`${e.pid}:${e.tid}`) ?? ''))?.[0];
    if (kind) sums[kind] = (sums[kind] ?? 0) + Math.min(e.dur / 1000, readyAt - Math.max(start, 0));
  }
  return sums;
}

const server = await startStaticServer(resolve(values.dist));
await server.preload();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const [width, height] = values['map-size'].split('x');
const pages = {
  app: `${server.origin}/?data=${values.data}`,
  baseline: `${server.origin}/bench/baseline/?data=${values.data}&w=${width}&h=${height}`,
};
const results: Record<string, Record<string, number[]>> = { app: {}, baseline: {} };
// One unmeasured load of each first, then alternating, as the bench does.
for (let run = -1; run < Number(values.runs); run++) {
  for (const [subject, url] of Object.entries(pages)) {
    const context = await probedContext(browser);
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['toplevel', '__metadata', 'blink.user_timing'] });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchProbe?.readyAt != null, undefined, {
      polling: 50,
      timeout: 180_000,
    });
    const readyAt = await page.evaluate(() => window.__benchProbe?.readyAt ?? 0);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    await context.close();
    if (run < 0) continue;
    const sums = { ready: readyAt, ...cpuByKind(trace.traceEvents, readyAt) };
    const total = KINDS.reduce((sum, [kind]) => sum + (sums[kind as keyof typeof sums] ?? 0), 0);
    for (const [key, value] of Object.entries({ ...sums, total })) {
      const byKey = results[subject] as Record<string, number[]>;
      byKey[key] = [...(byKey[key] ?? []), value];
    }
  }
}
console.log(`${values.data}: medians of ${values.runs} runs, ms (tracing slows both pages a little)`);
for (const [subject, byKey] of Object.entries(results)) {
  const cells = Object.entries(byKey).map(([key, runs]) => `${key} ${median(runs).toFixed(0)}`);
  console.log(`  ${subject.padEnd(8)} ${cells.join('  ')}`);
}
await browser.close();
await server.close();
