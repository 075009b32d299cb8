import TinySDF from '@mapbox/tiny-sdf';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PbfWriter } from 'pbf';

// The map's Latin labels as signed-distance-field glyph ranges (the `glyphs` files MapLibre
// fetches, `{range}.pbf`), made once by `npm run data` from the font we ship. Without them
// MapLibre draws every glyph in the page itself: a 2D canvas and the font set up on the main
// thread, then each glyph rasterised at twice the size, about 200 ms of the first view on a
// 2-core machine drawing with the CPU, on the path to the first labels. A glyph range is read by
// MapLibre's worker in a millisecond or two. Chinese labels still come from the font subset
// (chinese-font.ts), drawn in the page, since no range file could hold them all.

/** The label font (OFL-1.1, from npm): the Latin and Latin Extended files the page's text uses too. */
export const LABEL_FONT_FILES = [
  'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  'node_modules/@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2',
] as const;

/** MapLibre's glyph layout (and node-fontnik's): 24 px glyphs, 3 px border, 8 px of distance. */
const GLYPH_SIZE = 24;
const GLYPH_BORDER = 3;
const GLYPH_RADIUS = 8;
const GLYPH_CUTOFF = 0.25;
/**
 * MapLibre lines up the glyphs it draws itself with served ones by moving them down this much
 * (glyph_manager.ts `topAdjustment`); ours do the same, so a label sits where it did before.
 */
const TOP_ADJUSTMENT = 27.5;

/**
 * The code points a Latin label may need, within what the two label font files hold (their
 * fontsource `unicode-range`, less controls): a glyph outside them would be drawn from whatever
 * fallback font the building machine has.
 */
export const LABEL_GLYPH_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x1e00, 0x1e9f],
  [0x1ef2, 0x1eff],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x205f],
];

export interface SdfGlyph {
  id: number;
  /** (width + 6) × (height + 6) distance bytes; empty for a glyph with no ink (a space). */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

class NodeTinySDF extends TinySDF {
  _createCanvas(size: number) {
    return createCanvas(size, size) as unknown as HTMLCanvasElement;
  }
}

/**
 * The SDF glyphs of `codePoints` in the font files given (registered as one family), in MapLibre's
 * served-glyph metrics.
 */
export function drawGlyphs(fontFiles: readonly Uint8Array[], codePoints: Iterable<number>): SdfGlyph[] {
  const family = 'Atlas Label Glyphs';
  for (const file of fontFiles) GlobalFonts.register(Buffer.from(file), family);
  const sdf = new NodeTinySDF({
    fontSize: GLYPH_SIZE,
    buffer: GLYPH_BORDER,
    radius: GLYPH_RADIUS,
    cutoff: GLYPH_CUTOFF,
    fontFamily: `"${family}"`,
  });
  const glyphs: SdfGlyph[] = [];
  for (const id of codePoints) {
    const char = sdf.draw(String.fromCodePoint(id));
    const inked = char.glyphWidth > 0 && char.glyphHeight > 0;
    glyphs.push({
      id,
      bitmap: inked
        ? new Uint8Array(char.data.buffer, char.data.byteOffset, char.data.byteLength)
        : new Uint8Array(0),
      width: inked ? char.glyphWidth : 0,
      height: inked ? char.glyphHeight : 0,
      left: char.glyphLeft || 0,
      top: Math.round(char.glyphTop - TOP_ADJUSTMENT),
      advance: Math.round(char.glyphAdvance),
    });
  }
  return glyphs;
}

/** The first code point of each 256-wide range MapLibre asks for (`0-255`, `256-511`, …). */
export function rangeStart(codePoint: number): number {
  return codePoint - (codePoint % 256);
}

/** A range as MapLibre names it in the glyphs URL's `{range}` and in the file (`0-255`). */
const rangeName = (start: number) => `${start}-${start + 255}`;

/** One range file: the glyphs protobuf (fontstack name, range, glyphs) MapLibre's parser reads. */
export function encodeGlyphRange(stack: string, start: number, glyphs: readonly SdfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(
    1,
    (_: unknown, out: PbfWriter) => {
      out.writeStringField(1, stack);
      out.writeStringField(2, rangeName(start));
      for (const glyph of glyphs) {
        out.writeMessage(
          3,
          (g: SdfGlyph, field: PbfWriter) => {
            field.writeVarintField(1, g.id);
            if (g.bitmap.length > 0) field.writeBytesField(2, g.bitmap);
            field.writeVarintField(3, g.width);
            field.writeVarintField(4, g.height);
            field.writeSVarintField(5, g.left);
            field.writeSVarintField(6, g.top);
            field.writeVarintField(7, g.advance);
          },
          glyph,
        );
      }
    },
    null,
  );
  return pbf.finish();
}

/** Every range file of the label font, by file name (`0-255.pbf`). */
export function buildLabelGlyphs(stack: string, fontFiles: readonly Uint8Array[]): Map<string, Uint8Array> {
  const codePoints = LABEL_GLYPH_RANGES.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => first + i),
  );
  const byRange = new Map<number, SdfGlyph[]>();
  for (const glyph of drawGlyphs(fontFiles, codePoints)) {
    const start = rangeStart(glyph.id);
    const inRange = byRange.get(start);
    if (inRange) inRange.push(glyph);
    else byRange.set(start, [glyph]);
  }
  return new Map(
    [...byRange].map(([start, glyphs]) => [
      `${rangeName(start)}.pbf`,
      encodeGlyphRange(stack, start, glyphs),
    ]),
  );
}
