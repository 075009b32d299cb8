import type { ChoroplethClass } from '../../domain/choropleth.ts';
import { COLORS } from '../../map/layers.ts';

// The exported image's composition, as a list of shapes and lines of text around a map area: the
// PNG draws them on a canvas around the live map's pixels, the SVG writes them as elements around
// the projected world. One layout, so both images say the same thing in the same place.

export const IMAGE_FONT = '"Noto Sans", system-ui, sans-serif';
export const INK = '#1f2328';
export const INK_MUTED = '#59636e';
const PAD = 20;
const TITLE_SIZE = 22;
const SUBTITLE_SIZE = 14;
const LEGEND_SIZE = 12;
const CREDIT_SIZE = 11;
const SWATCH = 12;

export interface TextItem {
  type: 'text';
  /** A role the SVG names its element after (`title`, `subtitle`, `legend`, `credit`). */
  role: 'title' | 'subtitle' | 'legend' | 'credit';
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  size: number;
  weight: 400 | 600;
  color: string;
}
export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
}
export interface CircleItem {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}
export type LayoutItem = TextItem | RectItem | CircleItem;

export interface ImageLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  items: LayoutItem[];
}

export interface ImageText {
  title: string;
  subtitle: string;
  /** One or more lines: the source article, the boundaries, the atlas. */
  credits: string[];
}

/** Text width in pixels; the PNG measures with its canvas, the SVG estimates (no fonts in Node). */
export type Measure = (text: string, size: number, weight: 400 | 600) => number;
export const estimateWidth: Measure = (text, size, weight) =>
  text.length * size * (weight === 600 ? 0.6 : 0.55);

/** Greedy word wrap; a word longer than the line is kept whole rather than cut. */
export function wrapText(text: string, maxWidth: number, size: number, weight: 400 | 600, measure: Measure) {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface LegendEntry {
  label: string;
  mark: RectItem | CircleItem;
}

function legendEntries(classes: readonly ChoroplethClass[]): LegendEntry[] {
  const swatch = (fill: string, stroke?: string): RectItem => ({
    type: 'rect',
    x: 0,
    y: 0,
    width: SWATCH,
    height: SWATCH,
    fill,
    ...(stroke ? { stroke } : {}),
  });
  const dot = (fill: string, stroke: string, strokeWidth: number): CircleItem => ({
    type: 'circle',
    cx: SWATCH / 2,
    cy: SWATCH / 2,
    r: SWATCH / 2 - 1,
    fill,
    stroke,
    strokeWidth,
  });
  return [
    ...classes.map((c) => ({ label: c.label, mark: swatch(c.color, COLORS.border) })),
    { label: 'China', mark: swatch(COLORS.hostFill, COLORS.host) },
    { label: 'Exact date', mark: dot(COLORS.point, COLORS.pointStroke, 1.2) },
    { label: 'Month only', mark: dot(COLORS.pointMonth, COLORS.pointStroke, 1.2) },
    { label: 'Year only (date not reported)', mark: dot(COLORS.pointStroke, COLORS.point, 2) },
  ];
}

export const LEGEND_HEADING = 'Events shared with China';

/**
 * Title and subtitle above the map, legend and credits below it, all in the map's own width
 * (CSS pixels; the PNG multiplies the whole by its scale).
 */
export function imageLayout(
  mapSize: { width: number; height: number },
  text: ImageText,
  classes: readonly ChoroplethClass[],
  measure: Measure = estimateWidth,
): ImageLayout {
  const width = Math.round(mapSize.width);
  const inner = width - 2 * PAD;
  const items: LayoutItem[] = [];
  let y = PAD;
  const addLines = (
    role: TextItem['role'],
    content: string,
    size: number,
    weight: 400 | 600,
    color: string,
  ) => {
    for (const line of wrapText(content, inner, size, weight, measure)) {
      y += Math.round(size * 1.35);
      items.push({ type: 'text', role, x: PAD, y, text: line, size, weight, color });
    }
  };
  addLines('title', text.title, TITLE_SIZE, 600, INK);
  addLines('subtitle', text.subtitle, SUBTITLE_SIZE, 400, INK_MUTED);
  y += 12;
  const map = { x: 0, y, width, height: Math.round(mapSize.height) };
  y += map.height + 14;

  // The legend: a heading, then its entries flowing left to right, wrapping at the width.
  y += LEGEND_SIZE;
  items.push({
    type: 'text',
    role: 'legend',
    x: PAD,
    y,
    text: LEGEND_HEADING,
    size: LEGEND_SIZE,
    weight: 600,
    color: INK,
  });
  y += 8;
  let x = PAD;
  const rowHeight = SWATCH + 8;
  for (const { label, mark } of legendEntries(classes)) {
    const entryWidth = SWATCH + 6 + measure(label, LEGEND_SIZE, 400) + 16;
    if (x > PAD && x + entryWidth > width - PAD) {
      x = PAD;
      y += rowHeight;
    }
    if (mark.type === 'rect') items.push({ ...mark, x, y });
    else items.push({ ...mark, cx: x + mark.cx, cy: y + mark.cy });
    items.push({
      type: 'text',
      role: 'legend',
      x: x + SWATCH + 6,
      y: y + SWATCH - 2,
      text: label,
      size: LEGEND_SIZE,
      weight: 400,
      color: INK,
    });
    x += entryWidth;
  }
  y += rowHeight + 4;
  for (const credit of text.credits) addLines('credit', credit, CREDIT_SIZE, 400, INK_MUTED);
  y += PAD;
  return { width, height: Math.ceil(y), map, items };
}
