import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CountryPoint } from '../../domain/event-features.ts';
import type { AtlasEvent, Dataset } from '../../domain/event-schema.ts';
import { CSV_COLUMNS, datasetJson, eventsCsv, eventsGeoJson, exportRow } from './export-data.ts';

let serial = 0;
function makeEvent(overrides: Partial<AtlasEvent> = {}): AtlasEvent {
  serial += 1;
  return {
    id: `event-${serial}`,
    theme: 1,
    title: `Event ${serial}`,
    summary: 'Summary.',
    kind: 'meeting',
    format: 'in-person',
    date: { start: '2021-06-01', end: '2021-06-03', precision: 'day', source: 'article' },
    location: { name: 'Place', kind: 'venue', lon: -10.5, lat: 10, source: 'article' },
    partners: [
      { iso3: 'RUS', name: 'Russia', basis: 'named', source: 'article' },
      { iso3: 'KAZ', name: 'Kazakhstan', basis: 'member', via: 'SCO', source: 'article' },
    ],
    sources: [
      { id: 'article', title: 'Article', url: 'https://example.org/a' },
      { id: 'other', title: 'Other', url: 'https://example.org/b?x=1&y=2' },
    ],
    ...overrides,
  };
}

const points = new Map<string, CountryPoint>(
  [
    { iso3: 'KHM', name: 'Cambodia', lon: 104.9, lat: 12.7 },
    { iso3: 'PAK', name: 'Pakistan', lon: 69.4, lat: 30.1 },
  ].map((p) => [p.iso3, p]),
);

const parse = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
};

describe('eventsCsv', () => {
  it('has the columns in order, one row per event in the given order, CRLF line ends and a BOM', () => {
    const a = makeEvent({ title: 'Attachés meet' });
    const b = makeEvent();
    const csv = eventsCsv([b, a]);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([b.id, a.id]);
    expect(rows[2]).toEqual([
      a.id,
      'Attachés meet',
      '1',
      'meeting',
      'in-person',
      '2021-06-01',
      '2021-06-03',
      'day',
      'Place',
      '-10.5',
      '10',
      'RUS;KAZ',
      'Russia;Kazakhstan',
      '',
      'https://example.org/a https://example.org/b?x=1&y=2',
    ]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads them back unchanged', () => {
    const title = 'Say "hi", then\r\nleave\nnow \u200Fمرحبا\u200F </script>';
    const rows = parse(eventsCsv([makeEvent({ title })]));
    expect(rows[1]?.[1]).toBe(title);
  });

  it('neutralises cells that a spreadsheet would run as a formula, even across a line break', () => {
    const titles = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTab', '\rCR', '=HYPERLINK("x")\nmore'];
    const rows = parse(eventsCsv(titles.map((title) => makeEvent({ title }))));
    expect(rows.slice(1).map((r) => r[1])).toEqual(titles.map((t) => `'${t}`));
    // Numbers stay numbers: a negative longitude is not a formula.
    expect(rows[1]?.[9]).toBe('-10.5');
  });

  it('writes headers and no rows for a view with no events', () => {
    expect(eventsCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('says unnamed partners as the source words them', () => {
    const event = makeEvent({
      unnamedPartners: { count: 70, approximate: true, qualifier: 'nearly', source: 'article' },
    });
    expect(exportRow(event).unnamed_partners).toBe('nearly 70');
    const regional = makeEvent({
      unnamedPartners: { count: 19, approximate: false, region: 'Africa', source: 'article' },
    });
    expect(exportRow(regional).unnamed_partners).toBe('19 (Africa)');
    const unknown = makeEvent({ unnamedPartners: { approximate: true, region: 'Asia', source: 'article' } });
    expect(exportRow(unknown).unnamed_partners).toBe('unknown number (Asia)');
  });

  it('leaves place, lon and lat empty for an event without a place', () => {
    const { location: _, ...event } = makeEvent();
    const rows = parse(eventsCsv([event]));
    expect(rows[1]?.slice(8, 11)).toEqual(['', '', '']);
  });
});

describe('eventsGeoJson', () => {
  it('gives one point per placed event, [lon, lat], with the CSV properties', () => {
    const event = makeEvent();
    const collection = eventsGeoJson([event], points);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(1);
    const [feature] = collection.features;
    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [-10.5, 10] });
    expect(feature?.properties).toEqual({ ...exportRow(event), drawn_at: '' });
  });

  it('gives one point per partner for an event drawn at its partners (no place of its own)', () => {
    const { location: _, ...aid } = makeEvent({
      kind: 'aid',
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named', source: 'article' },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named', source: 'article' },
      ],
    });
    const features = eventsGeoJson([aid], points).features;
    expect(features.map((f) => [f.properties.place, f.properties.lon, f.properties.lat])).toEqual([
      ['', null, null],
      ['', null, null],
    ]);
    expect(features.map((f) => f.properties.drawn_at)).toEqual(['KHM', 'PAK']);
    expect(features.map((f) => f.geometry.coordinates)).toEqual([
      [104.9, 12.7],
      [69.4, 30.1],
    ]);
  });

  it('is an empty collection for no events', () => {
    expect(eventsGeoJson([], points)).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('datasetJson', () => {
  it("keeps the dataset's layout and order with only the view's events", () => {
    const [a, b, c] = [makeEvent(), makeEvent(), makeEvent()];
    const dataset: Dataset = {
      version: 1,
      source: { title: 'T', url: 'https://example.org/', published: '2021-12-23' },
      themes: [{ id: 1, title: 'One' }],
      events: [a as AtlasEvent, b as AtlasEvent, c as AtlasEvent],
    };
    expect(datasetJson(dataset, [c as AtlasEvent, a as AtlasEvent])).toEqual({ ...dataset, events: [a, c] });
  });
});
