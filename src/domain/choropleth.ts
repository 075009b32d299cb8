import { scaleThreshold } from 'd3-scale';

// Countries shaded by how many events they share with China: a classed scale, so the legend can
// name each class exactly ("3–4 events") rather than a gradient nobody can read a value from.

export const CHOROPLETH_COLORS = ['#d4e4f1', '#a9c8e3', '#74a7d0', '#3f7fb8', '#1c5a94'] as const;

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
