import { openAtlas, waitForMapState } from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { englishLeft, expectHtmlLang, mapLabelField, watchChineseFont } from './support/language-driver.ts';
import { expect, test } from './support/test.ts';

// The atlas in Simplified Chinese (lang=zh): no English left in the interface, Chinese country
// names and dates, the map's labels in Chinese with the bundled font, and that font never
// fetched by an English reader.

const zhCount = (page: import('./support/test.ts').Page) =>
  page.getByRole('status').filter({ hasText: /^共 \d+ 项中的 \d+ 项$/ });

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`in Chinese at ${width}×${height} the interface has no English left`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const font = watchChineseFont(page);
    await openAtlas(page, { lang: 'zh' });
    await expectHtmlLang(page, 'zh-Hans');
    await expect(zhCount(page)).toHaveText('共 36 项中的 36 项');
    await expect(page.getByRole('heading', { name: '合作地图集', level: 1 })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);

    // The filters open, a country and an event selected: more of the interface in view.
    const filtersButton = page.getByRole('button', { name: /^筛选/ }).first();
    await filtersButton.click();
    await expect(page.getByRole('searchbox', { name: '搜索国家和活动' })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);

    await openAtlas(page, { lang: 'zh', country: 'RUS' });
    await expect(page.getByRole('heading', { name: '俄罗斯', level: 2 })).toBeVisible();
    expect(await englishLeft(page)).toEqual([]);

    await openAtlas(page, { lang: 'zh', event: 'peace-mission-2021' });
    const details = page.getByRole('complementary', { name: /和平使命-2021/ });
    // Dates through Intl in Chinese, the range said once: 2021年9月11日–25日.
    await expect(details.locator('dd').first()).toContainText('2021年9月11日–25日');
    await expect(details.getByRole('listitem').filter({ hasText: '哈萨克斯坦' })).toBeVisible();
    // The place and the other source's note are the data's own English, marked as such.
    expect(await englishLeft(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(font.urls.length, 'the Chinese font is fetched').toBeGreaterThan(0);
  });
}

test('the table and the map name countries in Chinese, and dates read as Chinese dates', async ({ page }) => {
  await openAtlas(page, { lang: 'zh' });
  const table = page.getByRole('table', { name: '活动' });
  // Pakistan and Cambodia, the first vaccine aid, dated to the day.
  // (The partners column is folded away in a narrow list, so its cell is in the table, not shown.)
  await expect(
    table.locator('tr[data-event-id="vaccine-aid-2021-02-07"] td').filter({ hasText: /^巴基斯坦、柬埔寨$/ }),
  ).toHaveCount(1);
  await expect(table.locator('tr[data-event-id="vaccine-aid-2021-02-07"] td').first()).toHaveText('2月7日');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    '时间范围：2021年1月1日–12月31日',
  );
  // The labels MapLibre draws: CLDR's Chinese names, e.g. Russia and Kazakhstan.
  const labels = await mapLabelField(page);
  expect(labels).toContain('"RUS","俄罗斯"');
  expect(labels).toContain('"KAZ","哈萨克斯坦"');
});

test('search finds a country by its Chinese name, and by its English one', async ({ page }) => {
  await openAtlas(page, { lang: 'zh' });
  await page.getByRole('button', { name: /^筛选/ }).first().click();
  const search = page.getByRole('searchbox', { name: '搜索国家和活动' });
  await search.fill('俄罗斯');
  await expect(zhCount(page)).not.toHaveText('共 36 项中的 36 项');
  const row = page.locator('tbody tr[data-event-id="joint-sea-2021"]');
  await expect(row).toBeVisible();
  await expect(page.locator('tbody tr[data-event-id="vaccine-aid-2021-02-07"]')).toHaveCount(0);
  await search.fill('Russia');
  await expect(zhCount(page)).not.toHaveText('共 36 项中的 36 项');
  await expect(row).toBeVisible();
});

test('the language switch writes lang to the URL and changes the interface at once', async ({ page }) => {
  await openAtlas(page);
  await expectHtmlLang(page, 'en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(zhCount(page)).toHaveText('共 36 项中的 36 项');
  await expectHtmlLang(page, 'zh-Hans');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('status').filter({ hasText: '36 of 36 events' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('an unknown language falls back to English and says it ignored the parameter', async ({ page }) => {
  await openAtlas(page, { lang: 'fr' });
  await expectHtmlLang(page, 'en');
  await expect(
    page.getByRole('status').filter({ hasText: 'could not be read and were ignored: lang.' }),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
});

test('a browser set to Chinese gets Chinese without a parameter', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  await openAtlas(page);
  await expect(zhCount(page)).toHaveText('共 36 项中的 36 项');
  await context.close();
});

test('an English reader never downloads the Chinese font', async ({ page }) => {
  const font = watchChineseFont(page);
  await openAtlas(page, { country: 'RUS' });
  await page.mouse.move(640, 300);
  await page
    .getByRole('button', { name: /^Filters/ })
    .first()
    .click();
  await waitForMapState(page);
  expect(font.urls).toEqual([]);
});

test('the presenter and the speaker view in Chinese', async ({ page }) => {
  await page.goto('./?mode=present&lang=zh&step=3');
  await waitForMapState(page);
  await expect(page.getByText(/^第 3 步，共 \d+ 步$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '2. 中俄军事交流合作', level: 2 })).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('./?mode=speaker&lang=zh&step=1');
  await expect(page.getByRole('heading', { name: '演讲者视图', level: 1 })).toBeVisible();
  await expect(page.getByText(/^第 1 步，共 \d+ 步$/)).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
});

for (const width of [320, 600]) {
  test(`the embed in Chinese at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?mode=embed&lang=zh');
    await waitForMapState(page);
    await expect(page.getByRole('link', { name: /打开完整地图/ })).toBeVisible();
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByRole('button', { name: /显示活动列表/ }).click();
    expect(await englishLeft(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the embed snippet and the embed carry the language', async ({ page }) => {
  await openAtlas(page, { lang: 'zh' });
  await page.getByRole('button', { name: '嵌入' }).click();
  const dialog = page.getByRole('dialog', { name: '嵌入此地图' });
  const snippet = await dialog.getByRole('textbox', { name: '嵌入代码' }).inputValue();
  expect(snippet).toContain('lang=zh');
  expect(snippet).toContain('title="合作地图集：');
});
