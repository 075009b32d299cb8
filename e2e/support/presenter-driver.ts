import { waitForCameraStill, waitForMapState } from './atlas-driver.ts';
import type { Page } from './test.ts';
import { expect } from './test.ts';

export async function openPresenter(page: Page, params: Record<string, string> = {}) {
  await page.goto(`./?${new URLSearchParams({ mode: 'present', ...params })}`);
  await waitForMapState(page, 'ready');
}

export const stepCounter = (page: Page) => page.getByText(/^Step \d+ of \d+$/);

export async function expectStep(page: Page, step: number, total?: number) {
  await expect(stepCounter(page)).toHaveText(
    total ? `Step ${step} of ${total}` : new RegExp(`^Step ${step} of \\d+$`),
  );
  await expect(page).toHaveURL(new RegExp(`[?&]step=${step}(&|#|$)`));
}

export async function stepTotal(page: Page): Promise<number> {
  const text = (await stepCounter(page).textContent()) ?? '';
  return Number(text.match(/of (\d+)/)?.[1]);
}

/** Opens the speaker window from the presenter, as the presenter's button does. */
export async function openSpeakerView(page: Page): Promise<Page> {
  const [speaker] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('button', { name: 'Speaker view' }).click(),
  ]);
  await speaker.waitForLoadState();
  return speaker;
}

export const speakerNotes = (speaker: Page) => speaker.locator('.speaker-notes');
export const presentedTitle = (page: Page) =>
  page.locator('.story-caption').getByRole('heading', { level: 2 });
export const presentedCount = (page: Page) => page.locator('.story-meta');

/** The live map's zoom, once it has stopped moving. */
export async function mapZoom(page: Page): Promise<number> {
  await waitForMapState(page, 'ready');
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    return map && !map.isMoving() ? map.getZoom() : Number.NaN;
  });
}

/**
 * Moves this window to `step` as the other window would (over the story channel), and presses `key`
 * in the same moment the new step is painted: before React has run any effect of that render, so
 * a handler that captured the old step would act on it.
 */
export async function pressAsStepArrives(page: Page, step: number, key: string) {
  await page.evaluate(
    ({ step, key }) =>
      new Promise<void>((resolve) => {
        const counter = [...document.querySelectorAll('p')].find((p) =>
          /^Step \d+ of \d+$/.test(p.textContent ?? ''),
        );
        if (!counter) throw new Error('no step counter');
        const observer = new MutationObserver(() => {
          if (!counter.textContent?.startsWith(`Step ${step} of`)) return;
          observer.disconnect();
          window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
          resolve();
        });
        observer.observe(counter, { childList: true, characterData: true, subtree: true });
        const channel = new BroadcastChannel('cooperation-atlas-story');
        channel.postMessage({ type: 'step', step });
        channel.close();
      }),
    { step, key },
  );
}

/**
 * From now on, notes every caption the presenter puts on screen as `[title, count]`, once per
 * change, so a test can see frames that a poll would miss.
 */
export async function recordPaintedCaptions(page: Page) {
  await page.evaluate(() => {
    const painted: [string, string][] = [];
    (window as unknown as { __paintedCaptions: [string, string][] }).__paintedCaptions = painted;
    const read = () => {
      const card = document.querySelector('.story-caption');
      const title = card?.querySelector('h2')?.textContent ?? '';
      const count = card?.querySelector('.story-meta')?.textContent ?? '';
      const last = painted.at(-1);
      if (!last || last[0] !== title || last[1] !== count) painted.push([title, count]);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    read();
  });
}

export const paintedCaptions = (page: Page) =>
  page.evaluate(() => (window as unknown as { __paintedCaptions: [string, string][] }).__paintedCaptions);

/**
 * Waits until the caption shows a step's words, which it does only once the camera has arrived
 * at that step's frame, and the map has drawn it.
 */
export async function waitForStepFramed(page: Page, step: number) {
  await expect(stepCounter(page)).toHaveText(new RegExp(`^Step ${step} of \\d+$`));
  await expect(page.locator('.story-words')).toHaveAttribute('aria-busy', 'false');
  await waitForCameraStill(page);
}

export interface CaptionMoment {
  /** `movestart`: the camera set off; `words`: the caption's words changed. */
  at: 'movestart' | 'words';
  counter: string;
  moving: boolean;
  camera: { zoom: number; lat: number; lon: number };
}

/**
 * Starts recording, in the page, what the caption says when the camera sets off and what the
 * camera is doing whenever the caption's words change; `captionMoments` reads the record.
 */
export async function recordCaptionMoments(page: Page) {
  await page.evaluate(() => {
    const map = window.__atlas?.map;
    const words = document.querySelector('.story-words');
    if (!map || !words) throw new Error('no map or caption');
    const moments: unknown[] = [];
    (window as unknown as { __captionMoments: unknown[] }).__captionMoments = moments;
    const note = (at: string) => {
      const center = map.getCenter();
      moments.push({
        at,
        counter: words.querySelector('.story-count')?.textContent ?? '',
        moving: map.isMoving(),
        camera: { zoom: map.getZoom(), lat: center.lat, lon: center.lng },
      });
    };
    map.once('movestart', () => note('movestart'));
    new MutationObserver(() => note('words')).observe(words, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

export async function captionMoments(page: Page): Promise<CaptionMoment[]> {
  return page.evaluate(() => (window as unknown as { __captionMoments: CaptionMoment[] }).__captionMoments);
}
