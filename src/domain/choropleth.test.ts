import { describe, expect, it } from 'vitest';
import { BASE_COLORS } from './base-colors.ts';
import { CHOROPLETH_COLORS, choroplethScale, memberOnlyColor } from './choropleth.ts';

/** CIE L*a*b* of an sRGB hex colour (D65). */
function lab(hex: string): [number, number, number] {
  const linear = [0, 1, 2].map((i) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = linear;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (v: number) => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Colour difference (CIE76): about 2 is just noticeable, over 20 clearly different at a glance. */
const difference = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - (lab(b)[i] ?? 0)));

describe('choropleth colours', () => {
  it('tells every class apart from the ocean and from land without data', () => {
    for (const color of CHOROPLETH_COLORS) {
      expect(difference(color, BASE_COLORS.ocean), `${color} vs ocean`).toBeGreaterThan(25);
      expect(difference(color, BASE_COLORS.land), `${color} vs land`).toBeGreaterThan(25);
    }
  });

  it('tells neighbouring classes apart', () => {
    for (let i = 1; i < CHOROPLETH_COLORS.length; i++) {
      const [a, b] = [CHOROPLETH_COLORS[i - 1] as string, CHOROPLETH_COLORS[i] as string];
      expect(difference(a, b), `${a} vs ${b}`).toBeGreaterThan(15);
    }
  });

  it('draws a member-only partner weaker than a named one of its class, yet apart from land', () => {
    for (const color of CHOROPLETH_COLORS) {
      const member = memberOnlyColor(color);
      expect(difference(member, color), `${color} member vs named`).toBeGreaterThan(8);
      expect(difference(member, BASE_COLORS.land), `${color} member vs land`).toBeGreaterThan(8);
    }
  });

  it('gives the legend the colours the map uses', () => {
    const scale = choroplethScale(12);
    for (const c of scale.classes) expect(scale.colorFor(c.min)).toBe(c.color);
  });
});
