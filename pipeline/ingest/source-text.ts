// The article's text as read, and a normalised copy that the finders match against. Every
// normalised character remembers the stretch of the original it came from, so a match in the copy
// is reported as the exact words of the original: offsets are UTF-16 code units (JavaScript string
// indices) into the text as read, after a leading byte-order mark is removed.

/** The words a value was read from: `quote` is exactly `original.slice(start, end)`. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
}

/** A stretch of the normalised text. */
export interface Span {
  start: number;
  end: number;
}

export interface SourceText {
  /** the text as read, after a leading byte-order mark is removed; evidence points into it */
  readonly original: string;
  /** straight quotes, plain hyphens and spaces, `\n` line breaks, no diacritics or invisible characters */
  readonly text: string;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

// Typographic variants folded so that "China’s", "Sea–2021" and a non-breaking space read like
// their plain forms. `´` and `` ` `` are folded before NFKD, which would split `´` into a space
// and a combining accent (the geocoder's normaliseName does the same).
const FOLDED: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u0085': '\n',
  '\u00AD': '',
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
};

const SPACES = /^[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]$/;

function foldCharacter(character: string): string {
  const folded = FOLDED[character];
  if (folded !== undefined) return folded;
  if (SPACES.test(character)) return ' ';
  return character.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A growable pair of offset arrays: one original [from, to) per normalised character. */
class OffsetMap {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  length = 0;

  push(start: number, end: number): void {
    if (this.length === this.from.length) {
      const from = new Int32Array(this.length * 2);
      const to = new Int32Array(this.length * 2);
      from.set(this.from);
      to.set(this.to);
      this.from = from;
      this.to = to;
    }
    this.from[this.length] = start;
    this.to[this.length] = end;
    this.length++;
  }
}

export function normaliseSource(original: string): SourceText {
  const parts: string[] = [];
  const offsets = new OffsetMap();
  // plain ASCII is copied in runs; only other characters are looked at one by one
  let run = 0;
  const flush = (end: number) => {
    if (end > run) parts.push(original.slice(run, end));
  };
  for (let index = 0; index < original.length; ) {
    const code = original.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) {
      offsets.push(index, index + 1);
      index++;
      continue;
    }
    const point = original.codePointAt(index) ?? code;
    const width = point > 0xffff ? 2 : 1;
    let folded: string;
    if (code === 0x0a) {
      folded = '\n';
    } else if (code === 0x0d) {
      // \r\n is one line break (kept on the \n); a lone \r is one too
      folded = original.charCodeAt(index + 1) === 0x0a ? '' : '\n';
    } else if (code === 0x09 || code === 0x0b || code === 0x0c) {
      folded = ' ';
    } else if (code < 0x80) {
      folded = original[index] as string;
    } else {
      folded = foldCharacter(original.slice(index, index + width));
    }
    flush(index);
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) offsets.push(index, index + width);
    index += width;
    run = index;
  }
  flush(original.length);
  return {
    original,
    text: parts.join(''),
    from: offsets.from.subarray(0, offsets.length),
    to: offsets.to.subarray(0, offsets.length),
  };
}

/** The original words behind a non-empty span of the normalised text. */
export function evidenceOf(source: SourceText, span: Span): Evidence {
  const start = source.from[span.start] ?? source.original.length;
  const end = source.to[span.end - 1] ?? start;
  return { quote: source.original.slice(start, end), start, end };
}

/** The normalised words of a span, on one line: for names and messages, never for evidence. */
export function wordsOf(source: SourceText, span: Span): string {
  return source.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

export interface Token extends Span {
  text: string;
  /** lower case, dots dropped, `&` as "and", `+` as "plus": equal keys are the same word */
  key: string;
}

// A word, with inner dots or apostrophes ("U.N", "d'Ivoire"); `&` and `+` stand alone. A
// possessive "'s" becomes its own token, so "China's" finds China and "People's" still matches.
const TOKEN = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*|[&+]/gu;

export function tokenise(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  // over the span only: see splitSentences in article-structure.ts
  const part = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(part); match; match = TOKEN.exec(part)) {
    const word = match[0];
    const at = start + match.index;
    if (word === '&' || word === '+') {
      tokens.push({ start: at, end: at + 1, text: word, key: word === '&' ? 'and' : 'plus' });
      continue;
    }
    // "U.N." keeps its last dot: an abbreviation's, not the sentence's (the key drops dots anyway)
    if (word.includes('.') && !word.includes("'") && part[match.index + word.length] === '.') {
      TOKEN.lastIndex = match.index + word.length + 1;
      tokens.push({
        start: at,
        end: at + word.length + 1,
        text: `${word}.`,
        key: word.toLowerCase().replace(/\./g, ''),
      });
      continue;
    }
    const possessive = word.length > 2 && /'s$/i.test(word) ? word.length - 2 : word.length;
    const base = word.slice(0, possessive);
    tokens.push({ start: at, end: at + possessive, text: base, key: base.toLowerCase().replace(/\./g, '') });
    if (possessive < word.length) {
      tokens.push({ start: at + possessive, end: at + word.length, text: "'s", key: "'s" });
    }
  }
  return tokens;
}
