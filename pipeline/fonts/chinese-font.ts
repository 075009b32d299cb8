import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { countryName } from '../../src/domain/country-names.ts';
import type { Dataset } from '../../src/domain/event-schema.ts';

// The map's labels in Chinese need glyphs that the Latin label font lacks. Rather than the full
// Noto Sans SC (10 MB) or a CDN, `npm run data` cuts it down to the characters the atlas can show
// in Chinese: the dataset's Chinese texts, the Chinese names of the countries on the map, the
// interface's catalogues and what Intl writes into Chinese dates. English readers never need it:
// the map declares it for these characters only (the manifest's `unicodeRange`).

/** The full source font, from an npm package (OFL-1.1): a TTF subsets better than woff2 chunks. */
export const CHINESE_FONT_SOURCE = join(
  'node_modules',
  '@expo-google-fonts',
  'noto-sans-sc',
  '400Regular',
  'NotoSansSC_400Regular.ttf',
);
export const CHINESE_FONT_FILE = 'noto-sans-sc-subset.woff2';
export const CHINESE_FONT_MANIFEST = 'noto-sans-sc-subset.json';
/** The budget for the Chinese font, compressed (woff2 is itself compressed). */
export const CHINESE_FONT_BUDGET_BYTES = 150 * 1000;

/** Where message catalogues will live (`src/i18n/en.json`, `src/i18n/zh.json`, …). */
export const CATALOGUE_DIR = join('src', 'i18n');

// Intl writes these into Chinese dates ("2021年10月14日", "10月14日–17日") and no text of ours
// need contain them.
const INTL_CHARACTERS = '年月日';

/**
 * Whether a character is drawn from the Chinese font: CJK (from U+2E80: radicals, punctuation,
 * ideographs) and full-width forms. Everything below is the Latin label font's.
 */
export function needsChineseFont(character: string): boolean {
  return (character.codePointAt(0) ?? 0) >= 0x2e80;
}

/** Every string value in a JSON catalogue, however nested. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The texts of the catalogues under `dir` (none yet: the hook for the interface's strings). */
export function catalogueTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => stringsIn(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
}

/** The Chinese texts of the dataset and the Chinese names of the given countries. */
export function chineseTextsOf(dataset: Dataset, countryCodes: Iterable<string>): string[] {
  return [
    dataset.source.i18n?.zh?.title ?? '',
    ...dataset.themes.map((theme) => theme.i18n?.zh?.title ?? ''),
    ...dataset.events.flatMap((event) => [event.i18n?.zh?.title ?? '', event.i18n?.zh?.summary ?? '']),
    ...[...countryCodes].map((iso3) => countryName(iso3, 'zh') ?? ''),
    INTL_CHARACTERS,
  ];
}

/** The distinct characters of `texts` that the Chinese font must hold, in code point order. */
export function subsetCharacters(texts: Iterable<string>): string[] {
  const characters = new Set<string>();
  for (const text of texts) {
    for (const character of text) if (needsChineseFont(character)) characters.add(character);
  }
  return [...characters].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

const hex = (codePoint: number) => codePoint.toString(16).toUpperCase().padStart(4, '0');

/** CSS `unicode-range` values covering exactly these characters, runs joined ("U+4E00-4E03"). */
export function unicodeRanges(characters: readonly string[]): string[] {
  const points = characters.map((c) => c.codePointAt(0) ?? 0).sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = points[0];
  for (let i = 0; i < points.length; i++) {
    const point = points[i] as number;
    const next = points[i + 1];
    if (next === point + 1) continue;
    const first = start as number;
    ranges.push(first === point ? `U+${hex(first)}` : `U+${hex(first)}-${hex(point)}`);
    start = next;
  }
  return ranges;
}

export interface ChineseFontSubset {
  font: Uint8Array;
  manifest: { file: string; characters: number; bytes: number; unicodeRange: string[] };
}

/** Cuts the source font down to `characters`, as woff2. */
export async function buildChineseFont(
  source: Uint8Array,
  characters: readonly string[],
): Promise<ChineseFontSubset> {
  const font = await subsetFont(source, characters.join(''), { targetFormat: 'woff2' });
  return {
    font,
    manifest: {
      file: CHINESE_FONT_FILE,
      characters: characters.length,
      bytes: font.byteLength,
      unicodeRange: unicodeRanges(characters),
    },
  };
}
