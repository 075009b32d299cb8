import { describe, expect, it } from 'vitest';
import type { CountryPoint } from './event-features.ts';
import type { AtlasEvent } from './event-schema.ts';
import { greatCircle, partnerLines } from './partner-lines.ts';

const points = new Map<string, CountryPoint>([
  ['CHN', { iso3: 'CHN', name: 'China', lon: 104, lat: 35 }],
  ['USA', { iso3: 'USA', name: 'United States', lon: -100, lat: 40 }],
  ['RUS', { iso3: 'RUS', name: 'Russia', lon: 95, lat: 62 }],
]);

const event = (partners: string[]) =>
  ({ partners: partners.map((iso3) => ({ iso3, name: iso3, basis: 'named' })) }) as unknown as AtlasEvent;

describe('greatCircle', () => {
  it('starts and ends at the two points and bends towards the pole between them', () => {
    const line = greatCircle([0, 50], [90, 50], 10);
    expect(line[0]?.[0]).toBeCloseTo(0);
    expect(line[0]?.[1]).toBeCloseTo(50);
    expect(line.at(-1)?.[0]).toBeCloseTo(90);
    expect(line.at(-1)?.[1]).toBeCloseTo(50);
    expect(line[5]?.[1]).toBeGreaterThan(55);
  });

  it('crosses the Pacific with continuous longitudes instead of jumping across the map', () => {
    const line = greatCircle([104, 35], [-100, 40], 20);
    for (let i = 1; i < line.length; i++) {
      expect(Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0))).toBeLessThan(30);
    }
    expect(line.at(-1)?.[0]).toBeCloseTo(260);
  });
});

describe('partnerLines', () => {
  it('draws one line from China to each partner once, never to China itself', () => {
    const lines = partnerLines([event(['RUS', 'USA']), event(['RUS', 'CHN'])], points, 'CHN');
    expect(lines.features.map((f) => f.properties.iso3).sort()).toEqual(['RUS', 'USA']);
  });
});
