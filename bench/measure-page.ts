import type { Browser, CDPSession, Page } from '@playwright/test';
import type { BenchProbe } from './page-probe.ts';
import { probedContext } from './page-probe.ts';
import type { ServedRequest, StaticServer } from './static-server.ts';
import { READY_MARKER_PATH } from './static-server.ts';
import { max, median, quantile } from './stats.ts';
import type { UiResult } from './ui-drive.ts';
import { driveAppUi, driveBaseline, UI_WINDOW_CHANGES, uiResult } from './ui-drive.ts';

// One measured page load: a fresh browser context (empty cache), the page opened on the app or
// the baseline, then the same sequence of window changes on either.

export type Subject = 'app' | 'baseline';

export interface MeasureOptions {
  subject: Subject;
  dataset: string;
  /** The dataset's extent in day numbers (days since 1970-01-01), both inclusive. */
  extent: { start: number; end: number };
  /** The app's map size, so the baseline draws the same number of pixels. */
  mapSize?: { width: number; height: number } | undefined;
  scrubMs: number;
  /** Only the load (for warm-up and for measuring the app's map size). */
  loadOnly?: boolean;
}

export interface RunResult {
  subject: Subject;
  dataset: string;
  /**
   * Response body bytes as sent (gzipped text) for every request before ready, counted by the
   * server: CDP's Network domain on the page misses the map worker's own fetches (the basemap).
   */
  bytes: number;
  requests: number;
  readyMs: number;
  mapSize: { width: number; height: number } | null;
  filterMs: number[];
  filterMedianMs: number;
  scrub: { frames: number; changes: number; p95FrameMs: number; longTasks: number; maxTaskMs: number };
  heap: { afterFirstChange: number; afterChanges: number; changes: number; growth: number };
  resources: { path: string; bytes: number }[];
  /** The real controls driven (the app) or the same window changes by setFilter (the baseline). */
  ui: UiResult;
}

export const WINDOW_DAYS = 30;
const FILTER_CHANGES = 20;
const HEAP_CHANGES = 200;
const READY_TIMEOUT_MS = 180_000;

export function pageUrl(options: MeasureOptions): string {
  const query = new URLSearchParams({ data: options.dataset });
  if (options.subject === 'app') return `/?${query}`;
  if (options.mapSize) {
    query.set('w', String(options.mapSize.width));
    query.set('h', String(options.mapSize.height));
  }
  return `/bench/baseline/?${query}`;
}

/** 20 windows of 30 days, evenly spread over the extent; none equals the default full window. */
export function filterWindows(
  extent: { start: number; end: number },
  count = FILTER_CHANGES,
): [number, number][] {
  const span = Math.max(0, extent.end - WINDOW_DAYS - extent.start);
  return Array.from({ length: count }, (_, i) => {
    const from = extent.start + Math.round((i * span) / Math.max(1, count - 1));
    return [from, from + WINDOW_DAYS];
  });
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  // Twice: the first pass can leave garbage that only a second one frees (weak maps, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** How far apart, and how close, two heap readings must be for the page to count as at rest. */
const REST_STEP_MS = 1_000;
const REST_TOLERANCE = 0.005;
const REST_LIMIT_MS = 20_000;

/**
 * Waits until two heap readings a second apart agree within half a percent (at most 20 s). After
 * its first map the app makes the search's texts in idle moments: at 50,000 events the heap grows
 * by 5 MB over 3 to 5 s with nothing touched (76.6 to 81.6 MB). A baseline taken while that runs
 * counts it as growth from the changes: the runs' baselines were 76 or 82 MB, their heaps after
 * 200 changes 85 MB in every run, so the growth read 4 % or 12 % by chance.
 */
async function heapAtRest(page: Page, cdp: CDPSession): Promise<void> {
  const until = Date.now() + REST_LIMIT_MS;
  let last = await usedHeap(cdp);
  while (Date.now() < until) {
    await page.waitForTimeout(REST_STEP_MS);
    const now = await usedHeap(cdp);
    if (Math.abs(now - last) <= last * REST_TOLERANCE) return;
    last = now;
  }
}

// Page-side calls stay one expression each: anything more is shipped to the page as source text.
const filterLatency = (page: Page, windows: [number, number][]) =>
  page.evaluate((w) => (window.__benchProbe as BenchProbe).filterLatency(w), windows);

/** How long the ready marker may take to reach the server after the harness has seen ready. */
const MARKER_WAIT_MS = 5_000;

async function requestsBeforeReady(server: StaticServer): Promise<ServedRequest[]> {
  const deadline = Date.now() + MARKER_WAIT_MS;
  for (;;) {
    const marker = server.log.findIndex((r) => r.path === READY_MARKER_PATH);
    // Those still being answered (status 0) are counted once their bytes are known.
    const before = marker >= 0 ? server.log.slice(0, marker) : [];
    if (marker >= 0 && before.every((r) => r.status !== 0)) return before;
    if (Date.now() > deadline)
      throw new Error(
        `the page's ready marker (${READY_MARKER_PATH}) never arrived, or a request before it was never answered`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function measurePage(
  browser: Browser,
  server: StaticServer,
  options: MeasureOptions,
): Promise<RunResult> {
  const context = await probedContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    server.resetLog();

    const response = await page.goto(`${server.origin}${pageUrl(options)}`, { waitUntil: 'commit' });
    if (!response?.ok()) throw new Error(`${pageUrl(options)} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForFunction(
      () =>
        window.__benchProbe?.readyAt != null ||
        window.__benchProbe?.failure != null ||
        document.querySelector('[data-map-state="error"], [data-map-state="unsupported"]') !== null,
      undefined,
      { polling: 50, timeout: READY_TIMEOUT_MS },
    );
    const loaded = await page.evaluate(() => ({
      readyAt: window.__benchProbe?.readyAt ?? null,
      failure:
        window.__benchProbe?.failure ??
        document.querySelector('[data-map-state="error"], [data-map-state="unsupported"]')?.textContent ??
        null,
      mapSize: window.__benchProbe?.mapSize() ?? null,
    }));
    if (loaded.readyAt === null) {
      throw new Error(
        `${options.subject} ${options.dataset}: the map failed: ${loaded.failure ?? 'unknown'}`,
      );
    }
    // The requests that arrived before the page's ready marker: what the harness's polling let in
    // later (the offline cache starts its download once the map is drawn) is not the load's.
    const serverLog = await requestsBeforeReady(server);
    const result: RunResult = {
      subject: options.subject,
      dataset: options.dataset,
      bytes: serverLog.reduce((sum, r) => sum + r.bytes, 0),
      requests: serverLog.length,
      readyMs: loaded.readyAt,
      mapSize: loaded.mapSize,
      filterMs: [],
      filterMedianMs: Number.NaN,
      scrub: { frames: 0, changes: 0, p95FrameMs: Number.NaN, longTasks: 0, maxTaskMs: 0 },
      heap: { afterFirstChange: 0, afterChanges: 0, changes: 0, growth: Number.NaN },
      resources: serverLog.map((r) => ({ path: r.path, bytes: r.bytes })),
      ui: { windowChanges: 0, longTasks: 0, maxTaskMs: 0, blockingMs: 0 },
    };
    if (options.loadOnly) return result;

    // Filter latency. The heap baseline is taken right after the first change, once the page's
    // start-up work is done, so the growth measured later is what further changes add, not what
    // the first one allocates once or what start-up work left to idle moments adds meanwhile.
    await heapAtRest(page, cdp);
    const windows = filterWindows(options.extent);
    const [first, ...rest] = windows;
    const timed = await filterLatency(page, [first as [number, number]]);
    const heapFirst = await usedHeap(cdp);
    timed.push(...(await filterLatency(page, rest)));
    result.filterMs = timed;
    result.filterMedianMs = median(timed);

    // Scrub: a programmatic sweep, one change per frame, as a timeline drag would make.
    const { start, end } = options.extent;
    const scrub = await page.evaluate(
      ([ms, days, from, to]) => (window.__benchProbe as BenchProbe).scrub(ms, days, from, to),
      [options.scrubMs, WINDOW_DAYS, start, end] as const,
    );
    // Long-task entries arrive asynchronously; give the observer a moment to deliver the last.
    await page.waitForTimeout(100);
    const tasks = await page.evaluate(
      ([from, to]) =>
        (window.__benchProbe?.longTasks ?? []).filter((t) => t.start + t.duration > from && t.start < to),
      [scrub.start, scrub.end] as const,
    );
    result.scrub = {
      frames: scrub.frames.length,
      changes: scrub.changes,
      p95FrameMs: quantile(scrub.frames, 0.95),
      longTasks: tasks.length,
      maxTaskMs: max(tasks.map((t) => t.duration)),
    };

    // Heap: top up to 200 changes after the first, then compare with the heap after the first.
    const made = rest.length + scrub.changes;
    const more = Math.max(0, HEAP_CHANGES - made);
    if (more > 0) {
      await page.evaluate(
        ([count, days, from, to]) => (window.__benchProbe as BenchProbe).churn(count, 10, days, from, to),
        [more, WINDOW_DAYS, start, end] as const,
      );
    }
    const heapAfter = await usedHeap(cdp);

    // Through the real controls, last: it leaves the app filtered.
    const span =
      options.subject === 'app'
        ? await driveAppUi(page)
        : await driveBaseline(page, UI_WINDOW_CHANGES, WINDOW_DAYS, options.extent);
    await page.waitForTimeout(100);
    const uiTasks = await page.evaluate(
      ([from, to]) =>
        (window.__benchProbe?.longTasks ?? []).filter((t) => t.start + t.duration > from && t.start < to),
      [span.start, span.end] as const,
    );
    result.ui = uiResult(uiTasks, UI_WINDOW_CHANGES, span.steps);
    result.heap = {
      afterFirstChange: heapFirst,
      afterChanges: heapAfter,
      changes: made + more,
      growth: (heapAfter - heapFirst) / heapFirst,
    };
    return result;
  } finally {
    await context.close();
  }
}
