import { describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../pipeline/synthetic/generate-synthetic.ts';
import { checkDataset, FULL_CHECK_LIMIT } from './dataset-check.ts';
import type { CountryPoint } from './event-features.ts';

const themes = [1, 2, 3].map((id) => ({ id, title: `Theme ${id}` }));
const countries: CountryPoint[] = [
  { iso3: 'CHN', name: 'China', lon: 103.8, lat: 36.5 },
  { iso3: 'RUS', name: 'Russia', lon: 96.7, lat: 61.9 },
  { iso3: 'PAK', name: 'Pakistan', lon: 69.4, lat: 29.9 },
];
const generate = (count: number) =>
  JSON.parse(JSON.stringify(generateSynthetic({ count, themes, countries, seed: 7 })));

describe('checkDataset', () => {
  it('checks an article-sized dataset field by field', () => {
    const raw = generate(50);
    raw.events[40].date.precision = 'week';
    const check = checkDataset(raw);
    expect(check.success).toBe(false);
    if (!check.success)
      expect(check.error.issues.map((i) => i.path.join('.'))).toContain('events.40.date.precision');
  });

  it('accepts a large valid dataset, and checks every event of it by shape', () => {
    const raw = generate(FULL_CHECK_LIMIT + 500);
    expect(checkDataset(raw).success).toBe(true);
    raw.events[FULL_CHECK_LIMIT + 100].date.start = 20210101;
    const check = checkDataset(raw);
    expect(check.success).toBe(false);
    if (!check.success)
      expect(check.error.issues.map((i) => i.path.join('.'))).toEqual([
        `events.${FULL_CHECK_LIMIT + 100}.date.start`,
      ]);
  });

  it("checks a large dataset's envelope: its version, source and themes", () => {
    const raw = generate(FULL_CHECK_LIMIT + 500);
    raw.version = 2;
    raw.source.url = 7;
    raw.themes = [];
    const check = checkDataset(raw);
    expect(check.success).toBe(false);
    if (!check.success)
      expect(check.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
        'source.url',
        'themes',
        'version',
      ]);
  });

  it('checks the first events of a large dataset in full', () => {
    const raw = generate(FULL_CHECK_LIMIT + 500);
    raw.events[3].date.precision = 'week';
    const check = checkDataset(raw);
    expect(check.success).toBe(false);
    if (!check.success)
      expect(check.error.issues.map((i) => i.path.join('.'))).toContain('events.3.date.precision');
  });
});
