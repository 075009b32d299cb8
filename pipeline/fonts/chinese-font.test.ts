import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from 'fontverter';
import { Face, Blob as FontBlob } from 'harfbuzzjs';
import codes from 'i18n-iso-countries/codes.json';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countryName } from '../../src/domain/country-names.ts';
import { buildDataset } from '../build-dataset.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';
import {
  buildChineseFont,
  CHINESE_FONT_BUDGET_BYTES,
  CHINESE_FONT_SOURCE,
  chineseTextsOf,
  needsChineseFont,
  subsetCharacters,
  unicodeRanges,
} from './chinese-font.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the characters of the Chinese font', () => {
  it('are CJK and full-width only: Latin, digits and “”·— stay with the Latin font', () => {
    expect(subsetCharacters(['“海上联合-2021”演习（中俄）。', 'Joint Sea · 2021 — 俄罗斯'])).toEqual(
      [...'。俄合斯海上演俄罗联中习（）']
        .filter((c, i, all) => all.indexOf(c) === i)
        .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)),
    );
    expect(needsChineseFont('a')).toBe(false);
    expect(needsChineseFont('〇')).toBe(true);
  });

  it('are declared as exact unicode ranges, runs joined', () => {
    expect(unicodeRanges(['一', '丁', '丂', '中', '（'])).toEqual(['U+4E00-4E02', 'U+4E2D', 'U+FF08']);
    expect(unicodeRanges([])).toEqual([]);
  });
});

describe('the Chinese font subset of the 2021 dataset', () => {
  const read = (path: string) => ({ path, content: parse(readFileSync(resolve(ROOT, path), 'utf8')) });
  const { dataset } = buildDataset(
    read('data/article.yaml'),
    [read('data/events/2021.yaml')],
    defaultGeocoder(),
  );
  if (!dataset) throw new Error('the 2021 dataset does not build');
  // Every ISO country, not only the basemap's: the budget must hold whatever the map labels.
  const everyCountry = (codes as string[][]).map(([, alpha3]) => alpha3 as string);
  const characters = subsetCharacters(chineseTextsOf(dataset, everyCountry));

  it('holds every character of the Chinese texts and country names, within budget', async () => {
    expect(characters).toContain('俄');
    expect(characters).toContain('〇');
    const { font, manifest } = await buildChineseFont(
      readFileSync(resolve(ROOT, CHINESE_FONT_SOURCE)),
      characters,
    );
    expect(font.byteLength).toBeLessThan(CHINESE_FONT_BUDGET_BYTES);
    expect(manifest.bytes).toBe(font.byteLength);

    const face = new Face(new FontBlob(await convert(font, 'sfnt')));
    const covered = new Set(face.collectUnicodes());
    const missing = characters.filter((c) => !covered.has(c.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
    // A text the subset does not know is really absent: the check above can fail.
    expect(covered.has('鑫'.codePointAt(0) ?? 0)).toBe(false);
    for (const text of [
      dataset.events.find((e) => e.id === 'zapad-interaction-2021')?.i18n?.zh?.summary ?? '',
      countryName('MKD', 'zh') ?? '',
    ]) {
      for (const c of text) if (needsChineseFont(c)) expect(covered.has(c.codePointAt(0) ?? 0), c).toBe(true);
    }
  }, 60_000);
});
