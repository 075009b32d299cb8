import { describe, expect, it } from 'vitest';
import { choroplethScale } from '../../domain/choropleth.ts';
import type { TextItem } from './image-layout.ts';
import { imageLayout, LEGEND_HEADING, wrapText } from './image-layout.ts';

const text = {
  title: 'Cooperation Atlas: China’s international military cooperation in 2021',
  subtitle: '3 of 36 events · Exercise · 1 Aug – 30 Sep 2021',
  credits: ['Source: “Highlights”, China Military Online', 'Boundaries: Natural Earth'],
};
const classes = choroplethScale(9).classes;
const textsOf = (
  role: TextItem['role'],
  items = imageLayout({ width: 800, height: 400 }, text, classes).items,
) =>
  items
    .filter((item): item is TextItem => item.type === 'text' && item.role === role)
    .map((item) => item.text);

describe('imageLayout', () => {
  it('puts title and subtitle above the map, legend and credits below, in the map’s width', () => {
    const layout = imageLayout({ width: 800, height: 400 }, text, classes);
    expect(layout.width).toBe(800);
    expect(layout.map).toEqual({ x: 0, y: layout.map.y, width: 800, height: 400 });
    const texts = layout.items.filter((item): item is TextItem => item.type === 'text');
    const below = texts.filter((t) => t.y > layout.map.y + layout.map.height).map((t) => t.role);
    const above = texts.filter((t) => t.y < layout.map.y).map((t) => t.role);
    expect(new Set(above)).toEqual(new Set(['title', 'subtitle']));
    expect(new Set(below)).toEqual(new Set(['legend', 'credit']));
    expect(layout.height).toBeGreaterThan(layout.map.y + layout.map.height + 60);
    for (const item of layout.items) {
      if (item.type !== 'circle') expect(item.x).toBeLessThan(800);
    }
  });

  it('names every class, China and the three date marks in the legend', () => {
    expect(textsOf('legend')).toEqual([
      LEGEND_HEADING,
      ...classes.map((c) => c.label),
      'China',
      'Exact date',
      'Month only',
      'Year only (date not reported)',
    ]);
    expect(textsOf('credit').join(' ')).toContain('Natural Earth');
  });

  it('wraps a long title rather than running off the image', () => {
    const narrow = imageLayout({ width: 320, height: 200 }, text, classes).items;
    expect(textsOf('title', narrow).length).toBeGreaterThan(1);
    expect(textsOf('title', narrow).join(' ')).toBe(text.title);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length * 10;
  it('breaks between words, and keeps a word longer than the line whole', () => {
    expect(wrapText('aa bb cc', 50, 10, 400, measure)).toEqual(['aa bb', 'cc']);
    expect(wrapText('abcdefghij k', 50, 10, 400, measure)).toEqual(['abcdefghij', 'k']);
    expect(wrapText('', 50, 10, 400, measure)).toEqual([]);
  });
});
