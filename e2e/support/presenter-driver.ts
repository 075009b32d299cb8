import { waitForMapState } from './atlas-driver.ts';
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
