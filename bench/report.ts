import type { RunResult } from './measure-page.ts';
import { max, median } from './stats.ts';

// Medians per metric, the printed table and the budget checks.

export interface Summary {
  bytes: number;
  requests: number;
  readyMs: number;
  filterMs: number;
  scrubP95FrameMs: number;
  scrubLongTasks: number;
  /** Median over runs of each run's longest scrub task. */
  scrubMaxTaskMs: number;
  /** The longest scrub task of any run: what the 200 ms budget is checked against. */
  scrubWorstTaskMs: number;
  heapFirstMb: number;
  heapAfterMb: number;
  heapGrowth: number;
  /** Through the real controls (bench/ui-drive.ts): long tasks, the longest of any run, blocking time. */
  uiLongTasks: number;
  uiWorstTaskMs: number;
  uiBlockingMs: number;
}

export function summarise(runs: readonly RunResult[]): Summary {
  const m = (pick: (r: RunResult) => number) => median(runs.map(pick));
  return {
    bytes: m((r) => r.bytes),
    requests: m((r) => r.requests),
    readyMs: m((r) => r.readyMs),
    filterMs: m((r) => r.filterMedianMs),
    scrubP95FrameMs: m((r) => r.scrub.p95FrameMs),
    scrubLongTasks: m((r) => r.scrub.longTasks),
    scrubMaxTaskMs: m((r) => r.scrub.maxTaskMs),
    scrubWorstTaskMs: max(runs.map((r) => r.scrub.maxTaskMs)),
    heapFirstMb: m((r) => r.heap.afterFirstChange) / 1e6,
    heapAfterMb: m((r) => r.heap.afterChanges) / 1e6,
    heapGrowth: m((r) => r.heap.growth),
    uiLongTasks: m((r) => r.ui.longTasks),
    uiWorstTaskMs: max(runs.map((r) => r.ui.maxTaskMs)),
    uiBlockingMs: m((r) => r.ui.blockingMs),
  };
}

interface Row {
  label: string;
  key: keyof Summary;
  format: (value: number) => string;
  /** Ratios only where app ÷ baseline means "how much more the app costs". */
  ratio: boolean;
}

const fixed = (digits: number) => (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–');

const ROWS: Row[] = [
  {
    label: 'bytes transferred before ready (kB, gzip)',
    key: 'bytes',
    format: (v) => fixed(0)(v / 1000),
    ratio: true,
  },
  { label: 'requests before ready', key: 'requests', format: fixed(0), ratio: false },
  { label: 'time to ready (ms)', key: 'readyMs', format: fixed(0), ratio: true },
  { label: 'filter latency, median of 20 (ms)', key: 'filterMs', format: fixed(1), ratio: true },
  { label: 'scrub p95 frame time (ms)', key: 'scrubP95FrameMs', format: fixed(1), ratio: true },
  { label: 'scrub long tasks > 50 ms (count)', key: 'scrubLongTasks', format: fixed(0), ratio: false },
  { label: 'scrub longest task (ms, median run)', key: 'scrubMaxTaskMs', format: fixed(0), ratio: false },
  { label: 'scrub longest task (ms, worst run)', key: 'scrubWorstTaskMs', format: fixed(0), ratio: false },
  { label: 'JS heap after 1st change (MB)', key: 'heapFirstMb', format: fixed(1), ratio: true },
  { label: 'JS heap after 200 changes (MB)', key: 'heapAfterMb', format: fixed(1), ratio: true },
  { label: 'JS heap growth', key: 'heapGrowth', format: percent, ratio: false },
  { label: 'UI: long tasks > 50 ms (count)', key: 'uiLongTasks', format: fixed(0), ratio: false },
  { label: 'UI: longest task (ms, worst run)', key: 'uiWorstTaskMs', format: fixed(0), ratio: false },
  { label: 'UI: blocking time (ms)', key: 'uiBlockingMs', format: fixed(0), ratio: true },
];

export function ratio(app: number, baseline: number): number {
  return baseline > 0 ? app / baseline : Number.NaN;
}

export function formatTable(dataset: string, app: Summary, baseline: Summary): string {
  const lines = ROWS.map((row) => [
    row.label,
    row.format(app[row.key]),
    row.format(baseline[row.key]),
    row.ratio ? fixed(2)(ratio(app[row.key], baseline[row.key])) : '',
  ]);
  const header = ['metric', 'app', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const cells = (cols: string[]) =>
    `| ${cols.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  return [
    `### ${dataset}`,
    cells(header),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(cells),
  ].join('\n');
}

export interface BudgetCheck {
  dataset: string;
  budget: string;
  value: number;
  limit: number;
  pass: boolean;
}

/** The issue's budgets; a budget whose dataset was not measured is not checked. */
export function checkBudgets(
  summaries: ReadonlyMap<string, { app: Summary; baseline: Summary }>,
): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const atMost = (dataset: string, budget: string, value: number, limit: number) =>
    checks.push({ dataset, budget, value, limit, pass: Number.isFinite(value) && value <= limit });
  const below = (dataset: string, budget: string, value: number, limit: number) =>
    checks.push({ dataset, budget, value, limit, pass: Number.isFinite(value) && value < limit });

  const real = summaries.get('events');
  if (real) atMost('events', 'time-to-ready ratio', ratio(real.app.readyMs, real.baseline.readyMs), 1.25);
  for (const [dataset, { app, baseline }] of summaries) {
    atMost(dataset, 'transfer ratio', ratio(app.bytes, baseline.bytes), 1.3);
    if (dataset.startsWith('synthetic-'))
      atMost(dataset, 'time-to-ready ratio', ratio(app.readyMs, baseline.readyMs), 1.25);
  }
  const big = summaries.get('synthetic-50000');
  if (big) {
    atMost('synthetic-50000', 'filter-latency ratio', ratio(big.app.filterMs, big.baseline.filterMs), 2);
    atMost(
      'synthetic-50000',
      'scrub p95 frame-time ratio',
      ratio(big.app.scrubP95FrameMs, big.baseline.scrubP95FrameMs),
      1.5,
    );
    atMost('synthetic-50000', 'app longest scrub task, worst run (ms)', big.app.scrubWorstTaskMs, 200);
    below('synthetic-50000', 'app heap growth over 200 changes', big.app.heapGrowth, 0.1);
    atMost('synthetic-50000', 'app longest task through the UI, worst run (ms)', big.app.uiWorstTaskMs, 200);
    // A baseline that blocks not at all would make any app time an infinite ratio: 50 ms of slack.
    atMost(
      'synthetic-50000',
      'UI blocking time ratio (app ÷ baseline, each + 50 ms)',
      ratio(big.app.uiBlockingMs + 50, big.baseline.uiBlockingMs + 50),
      2,
    );
  }
  return checks;
}

export function formatBudgets(checks: readonly BudgetCheck[]): string {
  return checks
    .map((c) => {
      const growth = c.budget.includes('heap growth');
      // Three decimals for ratios: a 1.302 must not print as a passing-looking 1.30.
      const show = (v: number) =>
        growth ? percent(v) : c.budget.includes('(ms)') ? fixed(0)(v) : fixed(3)(v);
      const op = growth ? '<' : '≤';
      return `${c.pass ? 'PASS' : 'FAIL'}  ${c.dataset}: ${c.budget} ${show(c.value)} (budget ${op} ${show(c.limit)})`;
    })
    .join('\n');
}
