import type { Page } from './test.ts';
import { expect } from './test.ts';

// Domain actions on the app, so specs read as what a person does.

export type MapState = 'loading' | 'ready' | 'error' | 'unsupported';

export interface DatasetFile {
  themes: { id: number; title: string }[];
  events: {
    id: string;
    title: string;
    theme: number;
    kind: string;
    format: string;
    date: { start: string; end: string; precision: string };
    location?: { name: string; lon: number; lat: number };
    partners: { iso3: string; name: string; basis: string }[];
  }[];
}

/**
 * Ids of the events the map can draw, sorted: one with no place is drawn at its partners, and one
 * with neither is listed but not drawn.
 */
export function drawableIds(events: DatasetFile['events']): string[] {
  return events
    .filter((e) => e.location || e.partners.length > 0)
    .map((e) => e.id)
    .sort();
}

export function atlasUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `./?${query}` : './';
}

export async function loadDataset(page: Page): Promise<DatasetFile> {
  const response = await page.request.get('data/events.json');
  return (await response.json()) as DatasetFile;
}

export async function openAtlas(
  page: Page,
  params: Record<string, string> = {},
  state: MapState = 'ready',
  timeout = 30_000,
) {
  await page.goto(atlasUrl(params));
  await waitForMapState(page, state, timeout);
}

export async function waitForMapState(page: Page, state: MapState = 'ready', timeout = 30_000) {
  await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', state, { timeout });
}

/** Ids of the events drawn on the map right now, from MapLibre's rendered features. */
export async function renderedEventIds(page: Page): Promise<string[]> {
  await waitForMapState(page, 'ready');
  return (await drawnEventIds(page, await eventLayers(page))).sort();
}

/**
 * The layers that draw the events (those whole in the time window and the faded rest, for each
 * of the map's sources of events), as the map itself lists them.
 */
function eventLayers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const atlas = window.__atlas;
    if (!atlas) throw new Error('the page has no map hook (window.__atlas)');
    const layers = atlas.atlas.eventLayerIds();
    if (layers.length === 0) throw new Error('the map has no events layers');
    return layers;
  });
}

// The map's readers (these two and renderedEventPlaces) throw where the page has no map or the map
// no such layer: MapLibre answers a query of a layer it does not have with nothing, which a test
// expecting nothing drawn would pass.

/** Ids of the events layers of event points draw right now (a point's feature id names its event). */
export function drawnEventIds(page: Page, layers: string | string[]): Promise<string[]> {
  return page.evaluate(
    (layerIds) => {
      const atlas = window.__atlas;
      if (!atlas) throw new Error('the page has no map hook (window.__atlas)');
      const missing = layerIds.filter((id) => !atlas.map.getLayer(id));
      if (missing.length > 0) throw new Error(`the map has no layer ${missing.join(', ')}`);
      return atlas.atlas.eventIdsOf(atlas.map.queryRenderedFeatures({ layers: layerIds }));
    },
    typeof layers === 'string' ? [layers] : layers,
  );
}

/** The distinct values of one property among the features a layer draws right now. */
export function drawnValues(page: Page, layer: string, property: string): Promise<string[]> {
  return page.evaluate(
    ([layerId, key]) => {
      const map = window.__atlas?.map;
      if (!map) throw new Error('the page has no map hook (window.__atlas)');
      if (!map.getLayer(layerId)) throw new Error(`the map has no layer ${layerId}`);
      return [
        ...new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.properties[key]))),
      ];
    },
    [layer, property] as const,
  );
}

export const eventTable = (page: Page) => page.getByRole('table', { name: 'Events' });

/** Titles in the event table's body, in the order shown. */
export async function tableTitles(page: Page): Promise<string[]> {
  const rows = eventTable(page).locator('tbody tr[data-event-id]');
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id') ?? ''));
}

/**
 * The table's titles once it has caught up with the view: it renders one deferred step after the
 * count, so wait until it has as many rows as the count says and two reads agree.
 */
export async function settledTableTitles(page: Page): Promise<string[]> {
  let last: string[] = [];
  await expect
    .poll(async () => {
      const shown = Number((await countStatus(page).textContent())?.match(/^(\d+) of/)?.[1] ?? -1);
      const titles = await tableTitles(page);
      const stable = titles.length === shown && titles.join() === last.join();
      last = titles;
      return stable;
    })
    .toBe(true);
  return last;
}

export const countStatus = (page: Page) => page.getByRole('status').filter({ hasText: / of \d+ events$/ });

/**
 * "N of M events" once it has caught up with the filters: it follows them a deferred render later
 * and says it is busy until then, so a read straight after a click can still see the last view's.
 */
export async function settledCount(page: Page): Promise<string> {
  await expect(countStatus(page)).toHaveAttribute('aria-busy', 'false');
  return (await countStatus(page).textContent()) ?? '';
}

export async function expectCount(page: Page, shown: number, total: number) {
  await expect(countStatus(page)).toHaveText(`${shown} of ${total} events`);
}

export function viewParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

export function overlaps(event: DatasetFile['events'][number], from: string, to: string): boolean {
  return event.date.end >= from && event.date.start <= to;
}

// The Story panel: a person's own story built from explorer views.

export const storyPanel = (page: Page) => page.getByRole('region', { name: 'Story', exact: true });

export async function openStoryPanel(page: Page) {
  const panel = storyPanel(page);
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Story', exact: true }).click();
  await expect(panel).toBeVisible();
  return panel;
}

export const storySteps = (page: Page) =>
  storyPanel(page).getByRole('list', { name: 'Steps' }).getByRole('listitem');

/** The step titles in the open story, in order. */
export async function storyStepTitles(page: Page): Promise<string[]> {
  return storySteps(page).locator('.story-step-open').allTextContents();
}

/** Adds the view shown now as a step; returns the explorer's "N of M events" at that moment. */
export async function addViewToStory(page: Page): Promise<string> {
  await waitForMapState(page, 'ready');
  const count = await settledCount(page);
  // With no story of one's own open, the list shows the built-in story and adding starts a new one.
  const ownOpen = await storyPanel(page).getByRole('button', { name: 'Delete story' }).isVisible();
  const before = ownOpen ? await storySteps(page).count() : 0;
  await storyPanel(page).getByRole('button', { name: 'Add this view' }).click();
  await expect(storySteps(page)).toHaveCount(before + 1);
  return count;
}

export const storyStep = (page: Page, title: string) =>
  storySteps(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });

export async function openStoryStep(page: Page, title: string) {
  await storyStep(page, title).getByRole('button', { name: title, exact: true }).click();
  await expect(storyPanel(page).getByRole('heading', { name: `Open step: ${title}` })).toBeVisible();
}

export async function writeStepWords(page: Page, words: { caption?: string; notes?: string }) {
  const panel = storyPanel(page);
  if (words.caption !== undefined) await panel.getByLabel('Caption (on screen)').fill(words.caption);
  if (words.notes !== undefined) await panel.getByLabel('Speaker notes').fill(words.notes);
}

/** The titles of the stories kept in this browser (the built-in one excluded). */
export async function savedStoryTitles(page: Page): Promise<string[]> {
  const options = await storyPanel(page).getByLabel('Open story').locator('option').allTextContents();
  return options.filter((o) => !o.endsWith('(built in)'));
}

export async function openSavedStory(page: Page, title: string) {
  await storyPanel(page).getByLabel('Open story').selectOption({ label: title });
}

/** Exports the open story; returns the file's name and its parsed contents. */
export async function exportStory(page: Page): Promise<{ name: string; path: string; json: unknown }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    storyPanel(page).getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), path, json: JSON.parse(await readFile(path, 'utf8')) };
}

export async function importStory(page: Page, file: string | { name: string; text: string }) {
  const input = storyPanel(page).getByLabel('Import', { exact: true });
  if (typeof file === 'string') await input.setInputFiles(file);
  else
    await input.setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
}

export const storyMessage = (page: Page) => storyPanel(page).locator('.story-message');

export async function shareLinkOfStory(page: Page): Promise<string> {
  await storyPanel(page).getByRole('button', { name: 'Share link' }).click();
  const field = storyPanel(page).getByLabel('Link to this story');
  await expect(field).toHaveValue(/#story=/);
  return field.inputValue();
}

/** The live map's camera, as the `map` URL parameter writes it: zoom, latitude, longitude. */
export async function mapCamera(page: Page): Promise<{ zoom: number; lat: number; lon: number }> {
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('the map is not exposed on window.__atlas');
    const center = map.getCenter().wrap();
    return { zoom: map.getZoom(), lat: center.lat, lon: center.lng };
  });
}

/** Whether a place is inside the map's canvas right now. */
export async function isOnMap(page: Page, lon: number, lat: number): Promise<boolean> {
  return page.evaluate(
    ([lon, lat]) => {
      const map = window.__atlas?.map;
      if (!map) throw new Error('the map is not exposed on window.__atlas');
      const p = map.project([lon as number, lat as number]);
      const canvas = map.getCanvas();
      return p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight;
    },
    [lon, lat],
  );
}

/** Waits until the camera has stopped (a framing the app made has been written to the URL). */
export async function waitForCameraAtRest(page: Page) {
  await expect.poll(() => page.evaluate(() => window.__atlas?.map.isMoving() ?? false)).toBe(false);
  await waitForMapState(page, 'ready');
}

// ---- Downloads and citing -------------------------------------------------------------------

export const DATA_CHOICES = ['Data (CSV)', 'Data (GeoJSON)', 'Data (JSON)'] as const;
export const IMAGE_CHOICES = ['Image (PNG)', 'Image (SVG)'] as const;
export type DownloadChoice = (typeof DATA_CHOICES)[number] | (typeof IMAGE_CHOICES)[number];

export const downloadDialog = (page: Page) => page.getByRole('dialog', { name: 'Download this view' });
export const citeDialog = (page: Page) => page.getByRole('dialog', { name: 'Cite this view' });

export async function openDownloads(page: Page) {
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(downloadDialog(page)).toBeVisible();
  return downloadDialog(page);
}

export async function openCitation(page: Page) {
  await page.getByRole('button', { name: 'Cite', exact: true }).click();
  await expect(citeDialog(page)).toBeVisible();
  return citeDialog(page);
}

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  text: string;
}

/** Picks a choice in the open Download dialog and returns the file it saves. */
export async function download(
  page: Page,
  choice: DownloadChoice,
  options: { allEvents?: boolean; scale?: 1 | 2 | 4 } = {},
): Promise<DownloadedFile> {
  const dialog = downloadDialog(page);
  if (options.allEvents !== undefined) {
    const toggle = dialog.getByRole('switch', { name: 'All events' });
    await (options.allEvents ? toggle.check() : toggle.uncheck());
  }
  if (options.scale) await dialog.getByRole('radio', { name: `${options.scale}×` }).check();
  const saved = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByRole('button', { name: choice, exact: true }).click();
  const file = await saved;
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  await expect(dialog.getByRole('status')).toHaveText(
    new RegExp(`^Saved ${file.suggestedFilename().replace(/\./g, '\\.')}`),
  );
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Event ids and the partner each point stands for, as drawn on the map now. */
export async function renderedEventPlaces(page: Page): Promise<string[]> {
  await waitForMapState(page, 'ready');
  return page.evaluate(
    (layers) => {
      const map = window.__atlas?.map;
      if (!map) throw new Error('the map is not exposed on window.__atlas');
      const missing = layers.filter((id) => !map.getLayer(id));
      if (missing.length > 0) throw new Error(`the map has no layer ${missing.join(', ')}`);
      const features = map.queryRenderedFeatures({ layers });
      const eventIdOf = (f: (typeof features)[number]) => window.__atlas?.atlas.eventIdsOf([f])[0];
      return [...new Set(features.map((f) => `${eventIdOf(f)}|${f.properties.placeIso3 ?? ''}`))].sort();
    },
    await eventLayers(page),
  );
}

/** Width and height from a PNG's header (IHDR), or throws if it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** How many distinct colours (to 4 bits a channel) the image has in a region, decoded by the page. */
export async function imageColours(
  page: Page,
  bytes: Buffer,
  region: { x: number; y: number; width: number; height: number },
): Promise<number> {
  return page.evaluate(
    async ({ base64, region }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D canvas');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(region.x, region.y, region.width, region.height);
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        colours.add(
          (((data[i] ?? 0) >> 4) << 8) | (((data[i + 1] ?? 0) >> 4) << 4) | ((data[i + 2] ?? 0) >> 4),
        );
      }
      return colours.size;
    },
    { base64: bytes.toString('base64'), region },
  );
}

/** Parses an SVG document in the page: its parse errors, its <text> and its <title> contents. */
export async function readSvg(page: Page, svg: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      titles: [...doc.querySelectorAll('circle > title')].map((t) => t.textContent ?? ''),
      scripts: doc.getElementsByTagName('script').length,
    };
  }, svg);
}

/** Lays the page out as it prints (Ctrl+P). */
export async function showAsPrinted(page: Page) {
  await page.emulateMedia({ media: 'print' });
}

export const printedTable = (page: Page) =>
  page.getByRole('region', { name: 'Printed summary' }).getByRole('table');

/** Opens the filter column where it starts folded (below 1440 px wide the map gets the room). */
export async function showFilters(page: Page) {
  const toggle = page
    .getByRole('complementary', { name: 'Filters' })
    .getByRole('button', { name: /^Filters/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page's regions as drawn now, by the names a screen reader hears; hidden ones left out. */
export async function regionBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    const add = (name: string, el: Element | null) => {
      const r = el?.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0)
        boxes[name] = { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    add('Filters', document.querySelector('[aria-label="Filters"]'));
    add('map', document.querySelector('.map-frame'));
    add('Timeline', document.querySelector('[aria-label="Timeline"]'));
    add('Event list', document.querySelector('[aria-label="Event list"]'));
    return boxes;
  });
}

export function boxesOverlap(a: Box, b: Box): boolean {
  // Shared edges (a 1 px border) are not an overlap.
  const tolerance = 1;
  return (
    a.x + a.width - tolerance > b.x &&
    b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y &&
    b.y + b.height - tolerance > a.y
  );
}

/** Waits until the camera has stopped and the map has drawn what it shows. */
export async function waitForCameraStill(page: Page) {
  await expect
    .poll(() => page.evaluate(() => window.__atlas?.map.isMoving() === false), { timeout: 20_000 })
    .toBe(true);
  await waitForMapState(page, 'ready');
}

/** Where a longitude/latitude is on the page, in page pixels. */
export async function pagePoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((lngLat) => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('no map');
    const p = map.project(lngLat);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.x + p.x, y: r.y + p.y };
  }, lonLat);
}

export async function countryPointsFile(page: Page): Promise<Map<string, [number, number]>> {
  const response = await page.request.get('data/country-points.json');
  const json = (await response.json()) as {
    features: { properties: { iso3: string }; geometry: { coordinates: [number, number] } }[];
  };
  return new Map(json.features.map((f) => [f.properties.iso3, f.geometry.coordinates]));
}

/**
 * Unfolds the embed's event list (folded by default, so the embed stays short in an article).
 * Three times in CI a click here left the list folded, with the button on top at its centre. So
 * that the next one says why, the frame records, from just before the click, the pointer events
 * that reached the page (and on what) and every value `aria-expanded` took: no events means the
 * click never reached the frame; a `true` then `false` means the list unfolded and was folded
 * again.
 */
export async function showEmbedList(scope: Pick<Page, 'getByRole'>) {
  const toggle = scope.getByRole('button', { name: /the event list/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
  await toggle.evaluate((button) => {
    const log: string[] = [];
    const name = (el: EventTarget | null) =>
      el instanceof Element
        ? el === button || button.contains(el)
          ? 'the button'
          : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
        : String(el);
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
      document.addEventListener(type, (event) => log.push(`${type} on ${name(event.target)}`), true);
    }
    new MutationObserver(() => log.push(`aria-expanded=${button.getAttribute('aria-expanded')}`)).observe(
      button,
      { attributeFilter: ['aria-expanded'] },
    );
    (window as unknown as { __embedListLog: string[] }).__embedListLog = log;
  });
  await toggle.click();
  const landing = await toggle.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    const name = (el: Element | null) =>
      el
        ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`
        : 'nothing';
    return `under the button's centre after the click: ${hit === button || button.contains(hit) ? 'the button' : name(hit)}; button at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in a ${window.innerWidth}×${window.innerHeight} frame`;
  });
  try {
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  } catch (error) {
    const log = await toggle.evaluate(
      () => (window as unknown as { __embedListLog: string[] }).__embedListLog?.join(', ') || 'nothing',
    );
    throw new Error(`the event list did not unfold (${landing}; seen since the click: ${log})`, {
      cause: error,
    });
  }
}

/**
 * Of the named places, those a reader cannot see on the map now: off the map, or under whatever
 * covers it (the details, the legend, the controls, the attribution) or beside it (a rail). A
 * place is seen when the map's own canvas is what lies at it and a few pixels around it.
 */
export async function hiddenPlaces(page: Page, places: Record<string, [number, number]>): Promise<string[]> {
  return page.evaluate((places) => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('no map');
    const canvas = map.getCanvas();
    const frame = map.getContainer().getBoundingClientRect();
    return Object.entries(places)
      .filter(([, lonLat]) => {
        const p = map.project(lonLat);
        const [x, y] = [frame.x + p.x, frame.y + p.y];
        return [
          [0, 0],
          [-4, 0],
          [4, 0],
          [0, -4],
          [0, 4],
        ].some(([dx = 0, dy = 0]) => document.elementFromPoint(x + dx, y + dy) !== canvas);
      })
      .map(([name]) => name);
  }, places);
}

/** Waits until the map's canvas has taken its container's new size (MapLibre resizes it a moment later). */
export async function waitForMapResized(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const map = window.__atlas?.map;
        const canvas = map?.getCanvas();
        const container = map?.getContainer();
        return !!canvas && !!container && canvas.clientWidth === container.clientWidth;
      }),
    )
    .toBe(true);
  await waitForCameraStill(page);
}

/** The "Lines to partners" switch above the map. */
export const linesSwitch = (page: Page) => page.getByRole('switch', { name: 'Lines to partners' });

/** How many lines from China the map draws now ("Lines to partners"). */
export async function renderedNetworkLines(page: Page): Promise<number> {
  await waitForMapState(page, 'ready');
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('the map is not exposed on window.__atlas');
    return map.querySourceFeatures('network').length;
  });
}

/** The embed code the Embed dialog offers now, and the address its iframe loads. */
export async function embedSnippetSrc(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
  await page.keyboard.press('Escape');
  return /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
}
