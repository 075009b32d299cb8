import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BYTES, readArticle } from './read-article.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readArticle', () => {
  it('reads UTF-8, removing a byte-order mark', () => {
    expect(readArticle(file('plain.txt', 'Title\n\nNepal.'))).toEqual({
      ok: true,
      text: 'Title\n\nNepal.',
      encoding: 'UTF-8',
    });
    const bom = readArticle(file('bom.txt', '\uFEFFTitle\n\nNepal.'));
    expect(bom).toEqual({
      ok: true,
      text: 'Title\n\nNepal.',
      encoding: 'UTF-8 (a byte-order mark was removed)',
    });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Title\n\nSri Lanka’s navy.', 'utf16le'),
    ]);
    expect(readArticle(file('utf16.txt', bytes))).toMatchObject({
      ok: true,
      text: 'Title\n\nSri Lanka’s navy.',
    });
  });

  it('reads a file that is not UTF-8 as Windows-1252, curly quotes and non-breaking spaces included', () => {
    // “Sri Lanka’s” with a non-breaking space, as Windows-1252 bytes
    const bytes = Buffer.from([0x93, ...Buffer.from('Sri'), 0xa0, ...Buffer.from('Lanka'), 0x92, 0x73, 0x94]);
    expect(readArticle(file('cp1252.txt', bytes))).toEqual({
      ok: true,
      text: '“Sri\u00A0Lanka’s”',
      encoding: 'Windows-1252 (the file is not valid UTF-8)',
    });
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), 'is empty'],
    ['a file of blanks and a BOM', () => file('blank.txt', '\uFEFF \n\u00A0\n'), 'is empty'],
    [
      'a binary file',
      () =>
        file(
          'image.png',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
        ),
      'looks like a binary file, not text',
    ],
    ['a missing file', () => join(dir, 'missing.txt'), 'cannot be read (ENOENT)'],
    [
      'a directory',
      () => {
        mkdirSync(join(dir, 'folder'), { recursive: true });
        return join(dir, 'folder');
      },
      'cannot be read (EISDIR: it is a directory)',
    ],
    [
      'a file of 10 MB',
      () => file('big.txt', Buffer.alloc(2 * MAX_BYTES, 'a')),
      'is larger than the 5 MB limit',
    ],
  ])('refuses %s with a one-line reason', (_what, path, problem) => {
    expect(readArticle(path())).toEqual({ ok: false, problem });
  });
});
