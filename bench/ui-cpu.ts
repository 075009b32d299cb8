import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import type { BenchProbe } from './page-probe.ts';
import { probedContext } from './page-probe.ts';
import { chromiumThreadTimes, cpuBetween } from './process-cpu.ts';
import { startStaticServer } from './static-server.ts';
import { median } from './stats.ts';
import { driveAppUi, uiResult } from './ui-drive.ts';

// `npx tsx bench/ui-cpu.ts [--data synthetic-50000] [--runs 3] DIST...`: the CPU time the app's
// main thread spends while bench/ui-drive.ts drives its controls, for one or more builds, their
// runs interleaved. The blocking time the bench budgets is wall-clock, and on this 2-core machine
// it moves by 2× from one run to the next with the machine's load; the main thread's own CPU time
// (trace thread time) moves far less, so it can tell two builds apart where the bench cannot.
// Also printed: the long tasks' blocking time, and the CPU time of MapLibre's worker.
// And, from /proc, the CPU of every Chromium thread over the drive (bench/process-cpu.ts), the
// GPU process's SwiftShader threads included, which a trace does not show.
// `--cpu-throttle 2.5` slows the page's main thread (CDP's Emulation.setCPUThrottlingRate) for the
// drive, to see what a slower machine's main thread would make of the same work.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: 'synthetic-50000' },
    runs: { type: 'string', default: '3' },
    'cpu-throttle': { type: 'string', default: '1' },
  },
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const dists = positionals.length > 0 ? positionals : ['dist'];
const tracePath = join(tmpdir(), `ui-cpu-${process.pid}.json`);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const rows = new Map<string, { main: number[]; worker: number[]; blocking: number[] }>();

for (let run = 0; run < Number(values.runs); run++) {
  for (const dist of dists) {
    const server = await startStaticServer(resolve(dist));
    const context = await probedContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/?data=${values.data}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchProbe?.readyAt != null, undefined, {
      polling: 50,
      timeout: 180_000,
    });
    await page.evaluate(() => (window.__benchProbe as BenchProbe).settleNow());
    const throttle = Number(values['cpu-throttle']);
    if (throttle !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await browser.startTracing(page, {
      path: tracePath,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
    await page.evaluate(() => {
      const map = window.__atlas?.map;
      const counts = { frames: 0 };
      (window as unknown as { __mapFrames: typeof counts }).__mapFrames = counts;
      map?.on('render', () => counts.frames++);
    });
    const threadsBefore = chromiumThreadTimes();
    const span = await driveAppUi(page);
    const mapFrames = await page.evaluate(
      () => (window as unknown as { __mapFrames: { frames: number } }).__mapFrames.frames,
    );
    const machine = cpuBetween(threadsBefore, chromiumThreadTimes());
    await browser.stopTracing();
    const tasks = await page.evaluate(
      ([from, to]) =>
        (window.__benchProbe?.longTasks ?? []).filter((t) => t.start + t.duration > from && t.start < to),
      [span.start, span.end] as const,
    );
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] };
    const threadNames = new Map(
      trace.traceEvents
        .filter((e) => e.name === 'thread_name')
        .map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']),
    );
    const cpu = (thread: RegExp) =>
      trace.traceEvents
        .filter(
          (e) =>
            e.ph === 'X' && e.name === 'RunTask' && thread.test(threadNames.get(`${e.pid}:${e.tid}`) ?? ''),
        )
        .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
    const row = rows.get(dist) ?? { main: [], worker: [], blocking: [] };
    row.main.push(cpu(/^CrRendererMain$/));
    row.worker.push(cpu(/^DedicatedWorker/));
    row.blocking.push(uiResult(tasks, 0).blockingMs);
    rows.set(dist, row);
    console.log(
      `${dist} run ${run + 1}: main thread ${row.main.at(-1)?.toFixed(0)} ms CPU, worker ${row.worker.at(-1)?.toFixed(0)} ms, blocking ${row.blocking.at(-1)?.toFixed(0)} ms`,
    );
    const machineMs = machine.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `  all of Chromium over the ${(span.end - span.start).toFixed(0)} ms drive (${mapFrames} map frames): ${machineMs} ms CPU; ` +
        machine
          .slice(0, 6)
          .map(([name, ms]) => `${name} ${ms}`)
          .join(', '),
    );
    await context.close();
    await server.close();
  }
}
await browser.close();
rmSync(tracePath, { force: true });
for (const [dist, row] of rows) {
  console.log(
    `${dist}: median main thread ${median(row.main).toFixed(0)} ms CPU, worker ${median(row.worker).toFixed(0)} ms, blocking ${median(row.blocking).toFixed(0)} ms`,
  );
}
