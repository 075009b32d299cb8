import { describe, expect, it } from 'vitest';
import { CHOROPLETH_COLORS, choroplethScale } from '../../domain/choropleth.ts';
import type { CountryPoint } from '../../domain/event-features.ts';
import type { AtlasEvent } from '../../domain/event-schema.ts';
import type { Basemap } from '../../domain/world-projection.ts';
import { imageLayout } from './image-layout.ts';
import { SVG_MAP_SIZE, svgImage, svgMap, xmlEscape } from './svg-image.ts';

const square = (lon: number, lat: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 5, lat],
      [lon + 5, lat + 5],
      [lon, lat + 5],
      [lon, lat],
    ],
  ],
});
const basemap: Basemap = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { iso3: 'CHN', name: 'China', disputed: false },
      geometry: square(100, 30),
    },
    {
      type: 'Feature',
      properties: { iso3: 'RUS', name: 'Russia', disputed: false },
      geometry: square(60, 55),
    },
  ],
};
const points = new Map<string, CountryPoint>([
  ['CHN', { iso3: 'CHN', name: 'China', lon: 102, lat: 32 }],
  ['RUS', { iso3: 'RUS', name: 'Russia', lon: 62, lat: 57 }],
]);
const event = {
  id: 'joint',
  theme: 1,
  title: 'A & B <script>alert(1)</script> "quoted" \u0007bell',
  summary: 'S.',
  kind: 'exercise',
  format: 'in-person',
  date: { start: '2021-06-01', end: '2021-06-02', precision: 'day', source: 'article' },
  location: { name: 'Somewhere', kind: 'venue', lon: 62, lat: 57, source: 'article' },
  partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 'article' }],
  sources: [{ id: 'article', title: 'Article', url: 'https://example.org/' }],
} as AtlasEvent;

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML forbids, keeping right-to-left marks', () => {
    expect(xmlEscape('<a href="x">&\'\u0000\u200F</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u200F&lt;/a&gt;',
    );
    expect(xmlEscape('one\r\ntwo\nthree')).toBe('one two three');
  });
});

describe('svgImage', () => {
  const scale = choroplethScale(3);
  const map = svgMap({
    basemap,
    events: [event],
    countryPoints: points,
    colorFor: scale.colorFor,
    links: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [102, 32],
              [62, 57],
            ],
          },
        },
      ],
    },
    selectedEventId: null,
  });
  const text = { title: 'Title & more', subtitle: '1 of 1 events', credits: ['Boundaries: Natural Earth'] };
  const svg = svgImage(imageLayout(SVG_MAP_SIZE, text, scale.classes), text.title, map);

  it('draws countries, the partner shaded, a point per event with its title, and the lines', () => {
    expect(svg).toMatch(
      new RegExp(
        `<path id="country-RUS" d="[^"]+" fill="${CHOROPLETH_COLORS[0]}"><title>Russia</title></path>`,
      ),
    );
    expect(svg).toMatch(/<path id="country-CHN" d="[^"]+" fill="#f1d4cf">/);
    expect(svg).toContain(
      '<title>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; bell</title>',
    );
    expect(svg).toMatch(/<g id="links"[^>]*><line x1=/);
    expect(svg).not.toContain('<script');
  });

  it('writes the title, the legend and the credit as text elements', () => {
    expect(svg).toContain('<text class="title"');
    expect(svg).toContain('>Title &amp; more</text>');
    expect(svg).toContain('>Events shared with China</text>');
    expect(svg).toContain('>Boundaries: Natural Earth</text>');
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
  });
});
