import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { dayNumber } from '../src/domain/dates.ts';
import type { MeasureOptions, RunResult, Subject } from './measure-page.ts';
import { measurePage } from './measure-page.ts';
import type { Summary } from './report.ts';
import { checkBudgets, formatBudgets, formatTable, summarise } from './report.ts';
import { startStaticServer } from './static-server.ts';

// `npm run bench [-- --runs 5 --datasets events,synthetic-5000,synthetic-50000]`: the app against a
// MapLibre-only baseline page on the built site, per dataset; prints a table, writes
// bench/results/latest.json and exits 1 when a budget fails. See bench/README.md.

const USAGE = `usage: npm run bench -- [--runs N] [--datasets a,b,c] [--warmup N] [--scrub-ms MS] [--dist DIR]
  --runs      measured runs of each page per dataset, alternating app and baseline (default 5)
  --datasets  data/NAME.json files to load (default events,synthetic-5000,synthetic-50000);
              synthetic-N is generated when missing
  --warmup    unmeasured loads of each page per dataset before the runs (default 1)
  --scrub-ms  length of the timeline sweep (default 3000)
  --dist      the built site to serve (default dist)`;

const VITE_CHANGE = `dist/bench/baseline/index.html is missing: the build does not include the baseline page.
Add it as a second input in vite.config.ts:
  build: { ..., rolldownOptions: { input: { main: 'index.html', baseline: 'bench/baseline/index.html' } } }
then run npm run bench again.`;

const root = process.cwd();

interface Config {
  runs: number;
  datasets: string[];
  warmup: number;
  scrubMs: number;
  dist: string;
}

function parseConfig(args: string[]): Config | string {
  try {
    const { values } = parseArgs({
      args,
      options: {
        runs: { type: 'string', default: '5' },
        datasets: { type: 'string', default: 'events,synthetic-5000,synthetic-50000' },
        warmup: { type: 'string', default: '1' },
        'scrub-ms': { type: 'string', default: '3000' },
        dist: { type: 'string', default: 'dist' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return USAGE;
    const config = {
      runs: Number(values.runs),
      datasets: values.datasets
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      warmup: Number(values.warmup),
      scrubMs: Number(values['scrub-ms']),
      dist: resolve(root, values.dist),
    };
    if (!Number.isInteger(config.runs) || config.runs < 1) throw new Error('--runs must be 1 or more');
    if (!Number.isInteger(config.warmup) || config.warmup < 0) throw new Error('--warmup must be 0 or more');
    if (!(config.scrubMs >= 500)) throw new Error('--scrub-ms must be 500 or more');
    const bad = config.datasets.find((d) => !/^[a-z0-9][a-z0-9-]{0,63}$/.test(d));
    if (bad !== undefined || config.datasets.length === 0) throw new Error(`bad dataset name "${bad ?? ''}"`);
    return config;
  } catch (error) {
    return `bench: ${(error as Error).message}\n${USAGE}`;
  }
}

/**
 * Synthetic files are generated into public/data (where every data file of the site lives, so the
 * next build copies them like the rest) and copied into dist/data, so this run needs no rebuild.
 */
function ensureDataset(dist: string, name: string): void {
  const inDist = join(dist, 'data', `${name}.json`);
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  if (synthetic) {
    const inPublic = join(root, 'public', 'data', `${name}.json`);
    if (!existsSync(inPublic)) {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'pipeline', 'cli', 'synthetic.ts'), synthetic[1] as string],
        { cwd: root, stdio: 'inherit' },
      );
      if (run.status !== 0) throw new Error(`could not generate ${name}`);
    }
    if (!existsSync(inDist) || statSync(inDist).size !== statSync(inPublic).size) {
      mkdirSync(join(dist, 'data'), { recursive: true });
      copyFileSync(inPublic, inDist);
    }
  }
  if (!existsSync(inDist)) throw new Error(`${relative(root, inDist)} does not exist`);
}

/** The app's extent: from the first start year's 1 January to the last end year's 31 December. */
function extentOf(dist: string, name: string): { start: number; end: number; events: number } {
  const dataset = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8')) as {
    events: { date: { start: string; end: string } }[];
  };
  const starts = dataset.events.map((e) => e.date.start).sort();
  const ends = dataset.events.map((e) => e.date.end).sort();
  const first = (starts[0] ?? '2021').slice(0, 4);
  const last = (ends.at(-1) ?? '2021').slice(0, 4);
  return {
    start: dayNumber(`${first}-01-01`),
    end: dayNumber(`${last}-12-31`),
    events: dataset.events.length,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1e9),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

const brief = (r: RunResult) =>
  `ready ${r.readyMs.toFixed(0)} ms, ${(r.bytes / 1000).toFixed(0)} kB, filter ${r.filterMedianMs.toFixed(1)} ms, ` +
  `scrub p95 ${r.scrub.p95FrameMs.toFixed(1)} ms (${r.scrub.frames} frames, ${r.scrub.longTasks} long, max ${r.scrub.maxTaskMs.toFixed(0)} ms), ` +
  `heap ${(r.heap.afterFirstChange / 1e6).toFixed(1)}→${(r.heap.afterChanges / 1e6).toFixed(1)} MB, ` +
  `UI ${r.ui.longTasks} long, max ${r.ui.maxTaskMs.toFixed(0)} ms, blocking ${r.ui.blockingMs.toFixed(0)} ms` +
  (r.ui.blockingByStep
    ? ` (${Object.entries(r.ui.blockingByStep)
        .map(([step, ms]) => `${step} ${ms.toFixed(0)}`)
        .join(', ')})`
    : '');

async function main(): Promise<number> {
  const config = parseConfig(process.argv.slice(2));
  if (typeof config === 'string') {
    console.error(config);
    return config === USAGE ? 0 : 2;
  }
  const { dist } = config;
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`bench: ${relative(root, join(dist, 'index.html'))} is missing: run npm run build first`);
    return 2;
  }
  if (!existsSync(join(dist, 'bench', 'baseline', 'index.html'))) {
    console.error(`bench: ${VITE_CHANGE}`);
    return 2;
  }
  if (!existsSync(chromiumPath)) {
    console.error(`bench: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
    return 2;
  }
  for (const name of config.datasets) ensureDataset(dist, name);

  const server = await startStaticServer(dist);
  await server.preload();
  // Precise memory info makes performance.memory exact too; the heap itself is read over CDP.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });
  const host = { ...machine(), browser: `Chromium ${browser.version()}` };
  // Other work on the machine (a test run, a type-check) skews every time measured here; say so.
  const loadAtStart = os.loadavg()[0] ?? 0;
  if (loadAtStart > host.cores * 0.5) {
    console.warn(
      `bench: warning: load average ${loadAtStart.toFixed(1)} on ${host.cores} cores: other processes are competing, times are unreliable`,
    );
  }
  console.log(
    `bench: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, ${host.browser}, Node ${host.node}; ` +
      `${config.runs} runs × ${config.datasets.join(', ')}`,
  );

  const started = Date.now();
  const runs = new Map<string, Record<Subject, RunResult[]>>();
  const summaries = new Map<string, { app: Summary; baseline: Summary }>();
  try {
    for (const dataset of config.datasets) {
      const extent = extentOf(dist, dataset);
      const base = { dataset, extent, scrubMs: config.scrubMs };
      // The baseline's map gets the app's map size (the app shares the page with panels), so both
      // draw the same pixels; SwiftShader renders on the CPU, where pixels cost time.
      const sizing = await measurePage(browser, server, { ...base, subject: 'app', loadOnly: true });
      const mapSize = sizing.mapSize ?? undefined;
      console.log(
        `[${dataset}] ${extent.events} events; app map ${mapSize?.width}×${mapSize?.height}; load ${sizing.readyMs.toFixed(0)} ms (warm-up)`,
      );
      const options = (subject: Subject): MeasureOptions => ({ ...base, subject, mapSize });
      for (let i = 1; i < config.warmup; i++)
        await measurePage(browser, server, { ...options('app'), loadOnly: true });
      for (let i = 0; i < config.warmup; i++) {
        await measurePage(browser, server, { ...options('baseline'), loadOnly: true });
      }
      const results: Record<Subject, RunResult[]> = { app: [], baseline: [] };
      for (let i = 0; i < config.runs; i++) {
        // Alternate which goes first, so a drift in the machine's speed does not favour one page.
        const order: Subject[] = i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app'];
        for (const subject of order) {
          const result = await measurePage(browser, server, options(subject));
          results[subject].push(result);
          console.log(`[${dataset}] ${subject.padEnd(8)} run ${i + 1}/${config.runs}: ${brief(result)}`);
        }
      }
      runs.set(dataset, results);
      summaries.set(dataset, { app: summarise(results.app), baseline: summarise(results.baseline) });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const minutes = (Date.now() - started) / 60_000;
  const loadAtEnd = os.loadavg()[0] ?? 0;
  console.log(
    `\nMachine: ${host.cpu}, ${host.cores} cores (os.cpus()), ${host.browser}, SwiftShader WebGL; ` +
      `1-min load average ${loadAtStart.toFixed(1)} before the runs, ${loadAtEnd.toFixed(1)} at the end (this run's own browser adds 2 to 4)`,
  );
  console.log(
    `Medians of ${config.runs} runs each; ratio = app ÷ baseline. Took ${minutes.toFixed(1)} min.\n`,
  );
  for (const [dataset, { app, baseline }] of summaries)
    console.log(`${formatTable(dataset, app, baseline)}\n`);
  const checks = checkBudgets(summaries);
  console.log(formatBudgets(checks));

  const resultsDir = join(root, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, 'latest.json');
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { ...host, loadAverage: { start: loadAtStart, end: loadAtEnd } },
        config,
        datasets: Object.fromEntries(
          [...summaries].map(([dataset, summary]) => [dataset, { ...summary, runs: runs.get(dataset) }]),
        ),
        budgets: checks,
      },
      null,
      1,
    )}\n`,
  );
  console.log(`\nbench: wrote ${relative(root, out)}`);
  const failed = checks.filter((c) => !c.pass);
  if (failed.length > 0) {
    console.error(`bench: ${failed.length} budget${failed.length === 1 ? '' : 's'} failed:`);
    for (const c of failed) console.error(`  ${c.dataset}: ${c.budget}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
