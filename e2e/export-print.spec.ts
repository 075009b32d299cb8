import { countStatus, eventTable, openAtlas, printedTable, showAsPrinted } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// Printing the explorer gives the map, the legend, the view in words and every event of the
// view; none of the controls.

test('the printout holds the map, the legend, the filters in words and every event, and no controls', async ({
  page,
}) => {
  await openAtlas(page, { kind: 'exercise,aid' });
  const count = (await countStatus(page).textContent()) ?? '';
  const shown = Number(count.split(' ')[0]);
  expect(shown).toBeGreaterThan(1);
  await expect(page.getByRole('region', { name: 'Printed summary' })).toHaveCount(0);

  await showAsPrinted(page);
  const summary = page.getByRole('region', { name: 'Printed summary' });
  await expect(summary).toContainText(`${count} · Filters: Exercise · Vaccine aid · 1 Jan – 31 Dec 2021`);
  await expect(summary).toContainText(`This view: ${page.url()}`);
  await expect(printedTable(page).locator('tbody tr')).toHaveCount(shown);

  await expect(page.getByRole('region', { name: 'Map of the events' })).toBeVisible();
  await expect(page.locator('.legend')).toBeVisible();
  for (const control of ['Download', 'Cite', 'Embed', 'Clear all']) {
    await expect(page.getByRole('button', { name: control, exact: true })).toBeHidden();
  }
  await expect(page.getByRole('region', { name: 'Filters' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
  await expect(eventTable(page)).toBeHidden();
});
