import { scaleThreshold } from 'd3-scale';
import { BASE_COLORS } from './base-colors.ts';

// Countries shaded by how many events they share with China: a classed scale, so the legend can
// name each class exactly ("3–4 events") rather than a gradient nobody can read a value from.

// A yellow-green to blue sequence (ColorBrewer YlGnBu without its palest step): even the lowest
// class differs in hue from the blue-grey ocean and in hue and lightness from land without data
// (a colour difference of 29 or more from both; choropleth.test.ts checks it), where a pale blue
// first class vanished against the ocean.
export const CHOROPLETH_COLORS = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;

/**
 * A partner reached only through a group's membership: its class colour, half mixed into the
 * land's, so it reads as the same class but weaker than a partner the sources name (the map adds
 * a dashed outline; the legend shows both).
 */
export function memberOnlyColor(color: string): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mixed = [0, 1, 2].map((i) => Math.round((channel(color, i) + channel(BASE_COLORS.land, i)) / 2));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export interface ChoroplethClass {
  color: string;
  min: number;
  max: number | null;
  label: string;
}

/** Thresholds that give each of the first counts its own class on small data, even steps on large. */
export function choroplethThresholds(maxCount: number): number[] {
  const classes = CHOROPLETH_COLORS.length;
  if (maxCount <= classes) return Array.from({ length: classes - 1 }, (_, i) => i + 2);
  const step = Math.ceil(maxCount / classes);
  return Array.from({ length: classes - 1 }, (_, i) => 1 + step * (i + 1));
}

export function choroplethScale(maxCount: number) {
  const thresholds = choroplethThresholds(maxCount);
  const scale = scaleThreshold<number, string>()
    .domain(thresholds)
    .range([...CHOROPLETH_COLORS]);
  const classes: ChoroplethClass[] = CHOROPLETH_COLORS.map((color, i) => {
    const min = i === 0 ? 1 : (thresholds[i - 1] as number);
    const max = i < thresholds.length ? (thresholds[i] as number) - 1 : null;
    const label = max === null ? `${min}+` : min === max ? String(min) : `${min}–${max}`;
    return { color, min, max, label };
  }).filter((c) => c.max === null || c.max >= c.min);
  return { colorFor: (count: number) => (count > 0 ? scale(count) : null), classes };
}
