import type { Page } from '@playwright/test';
import type { BenchProbe } from './page-probe.ts';

// The work people trigger, driven through the app's real controls at the speed a person makes
// it: the timeline's start handle by keyboard (a month, then a day at a time), the end handle
// dragged with the pointer, a filter checkbox ticked and unticked, a search typed letter by
// letter. The baseline page gets the same number of window changes through MapLibre's setFilter,
// one a frame. Measured: the main thread's long tasks while it happens, and the blocking time
// (the part of each long task over 50 ms).

export interface UiResult {
  /** Window changes the app was asked for by keyboard and pointer; the baseline makes as many. */
  windowChanges: number;
  longTasks: number;
  maxTaskMs: number;
  blockingMs: number;
  /** The blocking time by the step of the drive its task started in (the app's drive only). */
  blockingByStep?: Record<string, number>;
}

/** A step of the drive (keys, drag, checkbox, search) and when it began, in page time. */
export type DriveStep = [step: string, start: number];

/** What a drive spanned, in page time, and when each of its steps began. */
export interface DriveSpan {
  start: number;
  end: number;
  steps: DriveStep[];
}

const KEY_GAP_MS = 60;
/** 6 PageUp, 10 ArrowRight, a 20-step drag. */
export const UI_WINDOW_CHANGES = 36;

async function settle(page: Page) {
  await page.evaluate(() => (window.__benchProbe as BenchProbe).settleNow());
}

/**
 * Below 1440 px the filter column starts folded; a person opens it once before using it. That is
 * done before the measured span, so every run measures the same controls.
 */
async function openFilters(page: Page) {
  const toggle = page
    .getByRole('complementary', { name: 'Filters' })
    .getByRole('button', { name: /^Filters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'false') return;
  await toggle.click();
  await page.getByRole('group', { name: 'Kind' }).waitFor();
  await settle(page);
}

export async function driveAppUi(page: Page): Promise<DriveSpan> {
  await openFilters(page);
  const steps: DriveStep[] = [];
  const step = async (name: string) => {
    steps.push([name, await page.evaluate(() => performance.now())]);
  };
  const start = await page.evaluate(() => performance.now());
  steps.push(['keys', start]);

  const startHandle = page.getByRole('slider', { name: /start of time window/i });
  await startHandle.focus();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('PageUp');
    await page.waitForTimeout(KEY_GAP_MS);
  }
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(KEY_GAP_MS);
  }
  await settle(page);

  await step('drag');
  const endHandle = page.getByRole('slider', { name: /end of time window/i });
  const box = await endHandle.boundingBox();
  if (!box) throw new Error('the end handle has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 200, y, { steps: 20 });
  await page.mouse.up();
  await settle(page);

  await step('checkbox');
  const exercise = page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^Exercise/ });
  await exercise.check();
  await settle(page);
  await exercise.uncheck();
  await settle(page);

  await step('search');
  const search = page.getByRole('searchbox', { name: /search/i });
  await search.focus();
  await page.keyboard.type('russia', { delay: 120 });
  await settle(page);

  const end = await page.evaluate(() => performance.now());
  return { start, end, steps };
}

/** As many window changes on the baseline, one a frame, as the app was asked for. */
export async function driveBaseline(
  page: Page,
  windowChanges: number,
  windowDays: number,
  extent: { start: number; end: number },
): Promise<DriveSpan> {
  const start = await page.evaluate(() => performance.now());
  await page.evaluate(
    ([count, days, from, to]) => (window.__benchProbe as BenchProbe).churn(count, 1, days, from, to),
    [windowChanges, windowDays, extent.start, extent.end] as const,
  );
  const end = await page.evaluate(() => performance.now());
  return { start, end, steps: [] };
}

export function uiResult(
  tasks: readonly { start: number; duration: number }[],
  windowChanges: number,
  steps: readonly DriveStep[] = [],
): UiResult {
  const blocking = (task: { duration: number }) => Math.max(0, task.duration - 50);
  const result: UiResult = {
    windowChanges,
    longTasks: tasks.length,
    maxTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    blockingMs: tasks.reduce((sum, t) => sum + blocking(t), 0),
  };
  if (steps.length === 0) return result;
  const byStep: Record<string, number> = Object.fromEntries(steps.map(([name]) => [name, 0]));
  for (const task of tasks) {
    // A task that began before the first step (the span's edge) counts to the first.
    const [name] = steps.findLast(([, start]) => start <= task.start) ?? steps[0];
    byStep[name] += blocking(task);
  }
  return { ...result, blockingByStep: byStep };
}
