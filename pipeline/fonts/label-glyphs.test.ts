import { readFileSync } from 'node:fs';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { SdfGlyph } from './label-glyphs.ts';
import { buildLabelGlyphs, drawGlyphs, encodeGlyphRange, LABEL_FONT_FILES } from './label-glyphs.ts';

const fonts = LABEL_FONT_FILES.map((file) => new Uint8Array(readFileSync(file)));

/** The glyphs protobuf read back as MapLibre's parse_glyph_pbf.ts reads it. */
function readRange(bytes: Uint8Array): { stack: string; range: string; glyphs: SdfGlyph[] } {
  const out = { stack: '', range: '', glyphs: [] as SdfGlyph[] };
  new PbfReader(bytes).readFields((tag, _, pbf) => {
    if (tag !== 1) return;
    pbf.readMessage((field, __, stack) => {
      if (field === 1) out.stack = stack.readString();
      else if (field === 2) out.range = stack.readString();
      else if (field === 3) {
        const glyph = { bitmap: new Uint8Array(0) } as SdfGlyph;
        stack.readMessage((g, ___, read) => {
          if (g === 1) glyph.id = read.readVarint();
          else if (g === 2) glyph.bitmap = read.readBytes();
          else if (g === 3) glyph.width = read.readVarint();
          else if (g === 4) glyph.height = read.readVarint();
          else if (g === 5) glyph.left = read.readSVarint();
          else if (g === 6) glyph.top = read.readSVarint();
          else if (g === 7) glyph.advance = read.readVarint();
        }, null);
        out.glyphs.push(glyph);
      }
    }, null);
  }, null);
  return out;
}

describe('label glyphs', () => {
  it("draws the label font's own glyphs, in MapLibre's 24 px layout with a 3 px border", () => {
    const [capitalA, space, w] = drawGlyphs(fonts, [0x41, 0x20, 0x77]);
    // Noto Sans: "A" advances 0.64 em and stands 0.71 em tall (cap height), at 24 px 15 and 17.
    expect(capitalA).toMatchObject({ id: 0x41, advance: 15, height: 17 });
    expect(capitalA?.bitmap.length).toBe(((capitalA?.width ?? 0) + 6) * ((capitalA?.height ?? 0) + 6));
    // Inside the outline the distance field is past its edge value (192), far outside it is 0.
    expect(Math.max(...(capitalA?.bitmap ?? []))).toBeGreaterThan(192);
    expect(capitalA?.bitmap[0]).toBe(0);
    expect(space).toMatchObject({ id: 0x20, width: 0, height: 0, bitmap: new Uint8Array(0) });
    expect(space?.advance).toBeGreaterThan(4);
    expect(w?.width).toBeGreaterThan(capitalA?.width ?? 0);
  });

  it('writes a range file that reads back glyph for glyph', () => {
    const glyphs = drawGlyphs(fonts, [0x41, 0x20, 0xe9]);
    const read = readRange(encodeGlyphRange('noto-sans-regular', 0, glyphs));
    expect(read.stack).toBe('noto-sans-regular');
    expect(read.range).toBe('0-255');
    expect(read.glyphs).toEqual(glyphs);
  });

  it('covers every printable ASCII and Latin-1 letter in the first range, and splits ranges at 256', () => {
    const files = buildLabelGlyphs('noto-sans-regular', fonts);
    expect([...files.keys()]).toContain('0-255.pbf');
    expect([...files.keys()]).toContain('256-511.pbf');
    const first = readRange(files.get('0-255.pbf') ?? new Uint8Array(0));
    const ids = new Set(first.glyphs.map((g) => g.id));
    for (const char of "AZaz09 '-()&.,ÉéÇçÔôÜüßñ") expect(ids).toContain(char.codePointAt(0));
    expect([...ids].every((id) => id < 256)).toBe(true);
    const second = readRange(files.get('256-511.pbf') ?? new Uint8Array(0));
    expect(second.range).toBe('256-511');
    expect(second.glyphs.map((g) => g.id)).toContain('ş'.codePointAt(0));
  });
});
