import { loadDataset, openAtlas, showEmbedList, viewParams } from './support/atlas-driver.ts';
import {
  articlePage,
  embedAtRest,
  embedFrameLocator,
  messagesOfType,
  hostTest as test,
} from './support/host-server.ts';
import type { Page } from './support/test.ts';
import { expect } from './support/test.ts';

// The explorer's Embed dialog: the snippet for the current view, copied, then pasted into an
// article on another origin, where it must work as it is.

const openDialog = async (page: Page) => {
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  return dialog;
};

test('the snippet for the current view, pasted into an article, shows that view and sizes itself', async ({
  page,
  context,
  host,
  baseURL,
}) => {
  const dataset = await loadDataset(page);
  const exercises = dataset.events.filter((e) => e.kind === 'exercise');
  const selected = exercises[0];
  if (!selected) throw new Error('the dataset has no exercise');
  await openAtlas(page, { kind: 'exercise', event: selected.id });

  const dialog = await openDialog(page);
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toBeFocused();
  const snippet = await code.inputValue();
  const app = new URL(baseURL ?? '/');
  // The view, and the framing the app made for the selection (issue 13 writes it to the view).
  const src = new URL(`./?mode=embed&amp;kind=exercise&amp;event=${selected.id}`, app).href;
  expect(snippet).toMatch(
    new RegExp(`src="${src.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}(&amp;map=[\\d.%F-]+)?"`),
  );
  expect(snippet).toContain(`<script src="${new URL('embed.js', app).href}" async></script>`);
  expect(snippet).toMatch(/ title="[^"]+" /);
  expect(snippet).toContain('loading="lazy"');
  expect(snippet).toContain('allow="fullscreen"');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Embed' })).toBeFocused();

  host.setPage('/pasted.html', articlePage(snippet, { title: 'An article with the pasted snippet' }));
  await page.goto(host.url('/pasted.html'));
  await messagesOfType(page, 'ready');
  const frame = embedFrameLocator(page);
  await expect(frame.getByRole('heading', { name: selected.title, level: 2 })).toBeVisible();
  const rows = frame.getByRole('table', { name: 'Events' }).locator('tbody tr[data-event-id]');
  // As a reader would: once the embed has drawn and sized itself. A click while the article is
  // still growing the frame can land where the button was a moment before.
  await embedAtRest(page);
  await showEmbedList(frame);
  await expect(rows).toHaveCount(exercises.length);
  // The frame's height follows the latest height the embed reported (after the list unfolded).
  await expect
    .poll(async () => {
      const height = (await messagesOfType(page, 'height')).at(-1)?.data.height ?? 0;
      const frameHeight = await page
        .locator('iframe[data-cooperation-atlas]')
        .evaluate((el) => el.getBoundingClientRect().height);
      return Math.abs(frameHeight - height);
    })
    .toBeLessThan(1);
});

test('Escape closes the dialog and leaves the selection alone', async ({ page }) => {
  await openAtlas(page, { event: 'joint-sea-2021' });
  const dialog = await openDialog(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(viewParams(page).get('event')).toBe('joint-sea-2021');
  await expect(page.getByRole('button', { name: 'Embed' })).toBeFocused();
});
