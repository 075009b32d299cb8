import type { Page } from './test.ts';
import { expect } from './test.ts';

// What a reader of another language sees: the page's words that are still in Latin letters, the
// Chinese font's downloads, the language switch.

/**
 * Latin words allowed in the Chinese interface: proper names and the names of file formats and
 * keys, which Chinese writes in Latin letters too. Kept narrow on purpose: an English word put
 * back into a component fails the test.
 */
export const LATIN_ALLOWED = new Set([
  'Natural',
  'Earth', // Natural Earth, the basemap's maker
  'CSV',
  'GeoJSON',
  'JSON',
  'PNG',
  'SVG',
  'HTML',
  'APA',
  'Chicago',
  'BibTeX', // citation styles
  'Ctrl',
  'Mac',
  'Esc', // keys
  'WebGL',
]);

/**
 * Every Latin word (two letters or more) the page shows or says, in text or in an accessible
 * name, outside elements marked `lang="en"` (the data's own English: a place, a source's title,
 * a missing translation) and outside code (the embed snippet, a URL).
 */
export async function latinWords(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const words: string[] = [];
    const english = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang')?.startsWith('en');
    const skipped = (el: Element | null) =>
      !el || english(el) || el.closest('textarea, code, script, style, svg title, .print-link') !== null;
    const shown = (el: Element) => el.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skipped(parent) || !shown(parent) || parent.closest('[aria-hidden="true"]')) continue;
      words.push(...(node.textContent?.match(/[A-Za-z]{2,}/g) ?? []));
    }
    // The three regions keep their English names in every language: a public contract.
    const contract = new Set(['Filters', 'Timeline', 'Event list']);
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      // A note naming its source (`data-source-text`) says the source's own title.
      if (skipped(el) || !shown(el) || el.hasAttribute('data-source-text')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (name === 'aria-label' && value && contract.has(value) && el.matches('aside, section')) continue;
        words.push(...(value?.match(/[A-Za-z]{2,}/g) ?? []));
      }
    }
    return words;
  });
  return [...new Set(found)];
}

/** Latin words that are not on the allow-list (LATIN_ALLOWED) nor among `alsoAllowed`. */
export async function englishLeft(page: Page, alsoAllowed: readonly string[] = []): Promise<string[]> {
  const allowed = new Set([...LATIN_ALLOWED, ...alsoAllowed]);
  return (await latinWords(page)).filter((word) => !allowed.has(word));
}

/** Requests for the Chinese font subset, counted from now on. */
export function watchChineseFont(page: Page): { urls: string[] } {
  const seen = { urls: [] as string[] };
  page.on('request', (request) => {
    if (request.url().includes('noto-sans-sc')) seen.urls.push(request.url());
  });
  return seen;
}

export async function expectHtmlLang(page: Page, lang: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The country labels the map is told to draw, as MapLibre holds them. */
export async function mapLabelField(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify(window.__atlas?.map.getLayoutProperty('country-label', 'text-field')),
  );
}
