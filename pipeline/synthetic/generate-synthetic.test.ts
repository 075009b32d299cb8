import { describe, expect, it } from 'vitest';
import type { CountryPoint } from '../../src/domain/event-features.ts';
import { DATE_PRECISIONS, datasetSchema, EVENT_FORMATS, EVENT_KINDS } from '../../src/domain/event-schema.ts';
import { generateSynthetic, mulberry32, serializeDataset } from './generate-synthetic.ts';

const themes = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, title: `Theme ${id}` }));
const countries: CountryPoint[] = [
  { iso3: 'CHN', name: 'China', lon: 103.8, lat: 36.5 },
  { iso3: 'RUS', name: 'Russia', lon: 96.7, lat: 61.9 },
  { iso3: 'PAK', name: 'Pakistan', lon: 69.4, lat: 29.9 },
  { iso3: 'THA', name: 'Thailand', lon: 101, lat: 15.1 },
  { iso3: 'EGY', name: 'Egypt', lon: 29.9, lat: 26.5 },
  { iso3: 'BRA', name: 'Brazil', lon: -51.4, lat: -10.5 },
  { iso3: 'FJI', name: 'Fiji', lon: 178.1, lat: -17.8 },
];

const generate = (count: number, seed?: number) =>
  generateSynthetic({ count, themes, countries, ...(seed === undefined ? {} : { seed }) });

describe('generateSynthetic', () => {
  it('gives the same file byte for byte for the same N', () => {
    expect(serializeDataset(generate(500))).toBe(serializeDataset(generate(500)));
  });

  it('gives different events for a different seed', () => {
    expect(serializeDataset(generate(50, 1))).not.toBe(serializeDataset(generate(50, 2)));
  });

  it('writes exactly N events with sequential ids', () => {
    const { events } = generate(1234);
    expect(events).toHaveLength(1234);
    expect(events[0]?.id).toBe('syn-000001');
    expect(events.at(-1)?.id).toBe('syn-001234');
  });

  it('passes the dataset schema the app validates with', () => {
    const result = datasetSchema.safeParse(generate(2000));
    expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
  });

  it('covers every kind, format, precision, basis and theme, within 2021', () => {
    const { events } = generate(2000);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
    expect(new Set(events.map((e) => e.format))).toEqual(new Set(EVENT_FORMATS));
    expect(new Set(events.map((e) => e.date.precision))).toEqual(new Set(DATE_PRECISIONS));
    expect(new Set(events.flatMap((e) => e.partners.map((p) => p.basis)))).toEqual(
      new Set(['named', 'member', 'reported']),
    );
    expect(new Set(events.map((e) => e.theme))).toEqual(new Set(themes.map((t) => t.id)));
    expect(events.some((e) => e.unnamedPartners)).toBe(true);
    expect(events.some((e) => e.partners.length >= 3)).toBe(true);
    expect(events.every((e) => e.date.start >= '2021-01-01' && e.date.end <= '2021-12-31')).toBe(true);
    // Mostly exact days, as in the real data.
    const days = events.filter((e) => e.date.precision === 'day').length;
    expect(days / events.length).toBeGreaterThan(0.7);
  });

  it('never makes China a partner and places events near a partner or Beijing', () => {
    const { events } = generate(1000);
    expect(events.flatMap((e) => e.partners).some((p) => p.iso3 === 'CHN')).toBe(false);
    const anchors = [...countries.slice(1), { lon: 116.4, lat: 39.9 }];
    for (const { location } of events) {
      if (!location) throw new Error('every synthetic event has a place');
      const near = anchors.some(
        (a) => Math.abs(a.lon - location.lon) <= 0.61 && Math.abs(a.lat - location.lat) <= 0.61,
      );
      expect(near).toBe(true);
    }
  });
});

describe('mulberry32', () => {
  it('is repeatable and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
