import { drawableIds, loadDataset, renderedEventIds, waitForMapState } from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import {
  expectStep,
  openPresenter,
  paintedCaptions,
  pressAsStepArrives,
  recordPaintedCaptions,
  stepCounter,
  stepTotal,
} from './support/presenter-driver.ts';
import { expect, test } from './support/test.ts';

test('keys and buttons move through every step, and the URL follows', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openPresenter(page);
  const total = await stepTotal(page);
  expect(total).toBe(dataset.themes.length + 2);
  await expectStep(page, 1, total);
  const nextKeys = ['ArrowRight', 'PageDown', 'Space', 'n', 'N'];
  for (let step = 2; step <= total; step++) {
    await page.keyboard.press(nextKeys[(step - 2) % nextKeys.length] as string);
    await expectStep(page, step, total);
    if (step >= 2 && step <= total - 1) {
      const theme = step - 1;
      const expected = drawableIds(dataset.events.filter((e) => e.theme === theme));
      await expect(page).toHaveURL(new RegExp(`theme=${theme}`));
      await expect.poll(() => renderedEventIds(page), { timeout: 20_000 }).toEqual(expected);
    }
  }
  await page.keyboard.press('ArrowRight');
  await expectStep(page, total, total);
  for (const key of ['ArrowLeft', 'PageUp', 'Shift+Space', 'p', 'P']) {
    const before = Number((await stepCounter(page).textContent())?.match(/Step (\d+)/)?.[1]);
    await page.keyboard.press(key);
    await expectStep(page, before - 1, total);
  }
  await page.getByRole('button', { name: 'Next step' }).click();
  await expectStep(page, total - 4, total);
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expectStep(page, total - 5, total);
});

test("a step is never shown with another step's count, however fast the keys come", async ({ page }) => {
  await openPresenter(page);
  const total = await stepTotal(page);
  await recordPaintedCaptions(page);
  for (let step = 2; step <= total; step++) await page.keyboard.press('ArrowRight');
  await expectStep(page, total, total);
  for (let step = total - 1; step >= 1; step--) await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1, total);
  // A step's words appear when the camera arrives at its frame (issue 12), so steps passed over
  // faster than the camera flies are never painted; the ones it reached must be, with their own count.
  const painted = (await paintedCaptions(page)).filter(([title]) => title !== '');
  const countsByTitle = new Map<string, Set<string>>();
  for (const [title, count] of painted)
    countsByTitle.set(title, (countsByTitle.get(title) ?? new Set()).add(count));
  expect(painted.length, 'the steps the camera reached were painted').toBeGreaterThanOrEqual(2);
  for (const [title, counts] of countsByTitle) expect([...counts], title).toHaveLength(1);
});

test('Home, End and digits jump; a deep link lands on its step; out of range lands nearby', async ({
  page,
}) => {
  await openPresenter(page, { step: '4' });
  await expectStep(page, 4);
  const total = await stepTotal(page);
  await page.keyboard.press('End');
  await expectStep(page, total);
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  await page.keyboard.press('3');
  await expectStep(page, 3);
  await openPresenter(page, { step: '99' });
  await expectStep(page, total);
  await openPresenter(page, { step: '-2' });
  await expectStep(page, 1);
  await page.reload();
  await expectStep(page, 1);
});

test('B and . black the screen out and bring it back', async ({ page }) => {
  await openPresenter(page);
  const blackout = page.getByTestId('blackout');
  await page.keyboard.press('b');
  await expect(blackout).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1);
  await page.keyboard.press('b');
  await expect(blackout).toBeHidden();
  await page.keyboard.press('.');
  await expect(blackout).toBeVisible();
  await page.keyboard.press('.');
  await expect(blackout).toBeHidden();
});

test('keys typed into an input never move the story; Escape leaves for the explorer at the same view', async ({
  page,
}) => {
  await openPresenter(page, { step: '3' });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'scratch');
    document.body.append(input);
    input.focus();
  });
  await page.keyboard.type('n p 5');
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3);
  await page.getByLabel('scratch').evaluate((el) => el.remove());
  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('mode'));
  expect(new URL(page.url()).searchParams.get('theme')).toBe('2');
  await waitForMapState(page);
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
});

test('speaker sync: the speaker window and the audience window stay in step both ways', async ({
  page,
  context,
}) => {
  await openPresenter(page, { step: '2' });
  const [speaker] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Speaker view' }).click(),
  ]);
  await speaker.waitForLoadState();
  await expect(speaker.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await expect(speaker.getByRole('heading', { name: /^Next$/ })).toBeVisible();
  await expect(speaker.getByText(/^\d\d:\d\d$/)).toBeVisible();
  await speaker.getByRole('button', { name: 'Next step' }).click();
  await expectStep(page, 3);
  await page.keyboard.press('ArrowRight');
  await expect(speaker.getByText(/^Step 4 of \d+$/)).toBeVisible();
  await speaker.keyboard.press('PageUp');
  await expectStep(page, 3);
  expect(await seriousViolations(speaker)).toEqual([]);
});

test('speaker sync: a key pressed the moment the other window moves acts on the new step', async ({
  page,
}) => {
  await openPresenter(page, { step: '2' });
  await pressAsStepArrives(page, 3, 'ArrowRight');
  await expectStep(page, 4);
});

test('with reduced motion the map jumps instead of flying', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPresenter(page);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  // A jump has no animation frames in between: the camera is final as soon as it moves.
  const moving = await page.evaluate(() => window.__atlas?.map.isMoving());
  expect(moving).toBe(false);
  await waitForMapState(page);
});

test('presenter view has no serious accessibility violations, at 1920×1080 and 1280×720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPresenter(page, { step: '3' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPresenter(page, { step: '5' });
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after a first visit, the story loads and runs with the network off', async ({ page, context }) => {
    await openPresenter(page);
    // The worker takes control only once its precache is complete: then the story can run offline.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    await context.setOffline(true);
    await page.reload();
    await waitForMapState(page, 'ready');
    await expectStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await waitForMapState(page, 'ready');
    await context.setOffline(false);
  });
});
