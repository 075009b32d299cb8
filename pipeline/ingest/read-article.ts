import { readFileSync, statSync } from 'node:fs';

// Reads an article file as text, or says in one line why it cannot: unreadable, too large, empty
// or binary. UTF-8 is expected; a UTF-8 or UTF-16 byte-order mark is honoured (and removed), and a
// file that is not valid UTF-8 is read as Windows-1252, the usual encoding of such text files.

export const MAX_BYTES = 5 * 1024 * 1024;

export type ReadArticle = { ok: true; text: string; encoding: string } | { ok: false; problem: string };

function decode(bytes: Uint8Array): ReadArticle {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return utf8(bytes.subarray(3), 'UTF-8 (a byte-order mark was removed)');
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const label = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(label).decode(bytes.subarray(2));
    return looksBinary(text)
      ? binary
      : { ok: true, text, encoding: `${label.toUpperCase()} (a byte-order mark was removed)` };
  }
  if (bytes.includes(0)) return binary;
  return utf8(bytes, 'UTF-8');
}

const binary: ReadArticle = { ok: false, problem: 'looks like a binary file, not text' };

/** Control characters other than tabs, line and page breaks are rare in text and common in binaries. */
function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 65536);
  let controls = 0;
  for (let index = 0; index < sample; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0x7f) controls++;
  }
  return controls > Math.max(2, sample / 100);
}

// Windows-1252 is Latin-1 but for 0x80-0x9F. Node 20's TextDecoder('windows-1252') decodes those as
// Latin-1 control characters (nodejs/node#56542, #60888), so the 32 are mapped here (WHATWG table).
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function windows1252(bytes: Uint8Array): string {
  const codes = Array.from(bytes, (byte) =>
    byte >= 0x80 && byte < 0xa0 ? (CP1252_80_9F[byte - 0x80] as number) : byte,
  );
  const parts: string[] = [];
  for (let index = 0; index < codes.length; index += 8192)
    parts.push(String.fromCharCode(...codes.slice(index, index + 8192)));
  return parts.join('');
}

function utf8(bytes: Uint8Array, encoding: string): ReadArticle {
  let text: string;
  let used = encoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = windows1252(bytes);
    used = 'Windows-1252 (the file is not valid UTF-8)';
  }
  return looksBinary(text) ? binary : { ok: true, text, encoding: used };
}

export function readArticle(path: string): ReadArticle {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, problem: 'cannot be read (EISDIR: it is a directory)' };
    if (!stat.isFile()) return { ok: false, problem: 'cannot be read (not a regular file)' };
    if (stat.size > MAX_BYTES)
      return { ok: false, problem: `is larger than the ${MAX_BYTES / 1024 / 1024} MB limit` };
    bytes = readFileSync(path);
  } catch (error) {
    return {
      ok: false,
      problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    };
  }
  if (bytes.length > MAX_BYTES)
    return { ok: false, problem: `is larger than the ${MAX_BYTES / 1024 / 1024} MB limit` };
  const read = decode(bytes);
  if (read.ok && read.text.trim() === '') return { ok: false, problem: 'is empty' };
  return read;
}
