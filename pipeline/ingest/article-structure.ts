import type { Span } from './source-text.ts';

// The shape of a plain-text article: a title line, paragraphs separated by blank lines (a single
// line break inside a paragraph is only a wrap), numbered section headings ("3. Donation of …")
// that become themes, then sentences and clauses. Works on the normalised text.

export interface Heading extends Span {
  theme: number;
  title: string;
}

export interface Sentence extends Span {
  paragraph: number;
  /** the number of the heading above, if any */
  theme: number | undefined;
}

export interface ArticleStructure {
  title: (Span & { text: string }) | undefined;
  headings: Heading[];
  sentences: Sentence[];
  /** a YYYY-MM-DD date on a byline just under the title */
  published: string | undefined;
  /** lines under the title that are about the article (source, editor, date), not part of it */
  bylines: Span[];
}

const HEADING = /^\s*(\d{1,2})[.)]\s+(\S.*?)\s*$/;
const BYLINE =
  /^\s*(?:source|editor|by|author|published|updated|posted)\b|^(?=.{0,120}$).*\b\d{4}-\d{2}-\d{2}\b/i;
const MAX_HEADING = 200;

interface Line extends Span {
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

const isBlank = (line: Line) => line.text.trim() === '';

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov st no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec co corp inc ltd vs etc approx est dept'
  ).split(' '),
);

const SENTENCE_END = /[.!?]+["')\]]*(?=\s+["'([]?[\p{Lu}\d])/gu;

// Each splitter runs its pattern over its own span only (a slice), never on to the end of the
// text: a pattern that rarely matches would otherwise scan the rest of the article once a sentence.
export function splitSentences(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  const words = text.slice(span.start, span.end);
  let start = span.start;
  for (const match of words.matchAll(SENTENCE_END)) {
    const at = span.start + match.index;
    const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 20), at))?.[1] ?? '';
    const word = before.replace(/\.$/, '');
    // "Gen. Wei", "U.S. Navy", "J. Smith": an abbreviation or an initial, not the end
    if (
      match[0].startsWith('.') &&
      (ABBREVIATIONS.has(word.toLowerCase()) || /^(?:\p{L}\.)*\p{Lu}$/u.test(word))
    )
      continue;
    const end = at + match[0].length;
    const sentence = trimmed(text, { start, end });
    if (sentence.end > sentence.start) sentences.push(sentence);
    start = end;
  }
  const last = trimmed(text, { start, end: span.end });
  if (last.end > last.start) sentences.push(last);
  return sentences;
}

// A new clause starts at a semicolon, at ", and|but|while …" before a lower-case word, and at
// " and <verb>" ("… held an exchange and organized the Peace Rescue 2021 exercise"). A list item
// (", and the Philippines", ", and the 4th UN …") is not a new clause.
const CLAUSE_BREAK =
  /;\s*|,\s+(?:and|but|while|whereas)\s+(?=[a-z])|\s+and\s+(?=(?:held|hosted|organi[sz]ed|conducted|signed|attended|visited|met|made|sent|provided|donated|participated|took|launched|staged|carried|completed|exchanged|proposed|observed|discussed|agreed|received|delivered|handed|joined|dispatched)\b)/g;
const LIST_ITEM = /^(?:the|a|an)\s+[\p{Lu}\d]/u;

export function splitClauses(text: string, span: Span): Span[] {
  const clauses: Span[] = [];
  let start = span.start;
  for (const match of text.slice(span.start, span.end).matchAll(CLAUSE_BREAK)) {
    const at = span.start + match.index;
    const after = at + match[0].length;
    if (match[0].startsWith(',') && LIST_ITEM.test(text.slice(after, after + 20))) continue;
    const clause = trimmed(text, { start, end: at });
    if (clause.end > clause.start) clauses.push(clause);
    start = after;
  }
  const last = trimmed(text, { start, end: span.end });
  if (last.end > last.start) clauses.push(last);
  return clauses;
}

function titleOf(text: string, lines: Line[]): { title: ArticleStructure['title']; next: number } {
  const first = lines.findIndex((line) => !isBlank(line));
  const line = lines[first];
  const more = lines.slice(first + 1).some((other) => !isBlank(other));
  if (!line || !more) return { title: undefined, next: Math.max(first, 0) };
  const span = trimmed(text, line);
  const words = text.slice(span.start, span.end);
  if (words.length > MAX_HEADING || /[.!?]$/.test(words) || HEADING.test(words))
    return { title: undefined, next: first };
  return { title: { ...span, text: words }, next: first + 1 };
}

export function readStructure(text: string): ArticleStructure {
  const lines = linesOf(text);
  const { title, next } = titleOf(text, lines);
  const headings: Heading[] = [];
  const sentences: Sentence[] = [];
  let published: string | undefined;
  const bylines: Span[] = [];
  let paragraph: Span | undefined;
  let paragraphs = 0;
  let theme: number | undefined;

  const close = () => {
    if (!paragraph) return;
    for (const sentence of splitSentences(text, paragraph))
      sentences.push({ ...sentence, paragraph: paragraphs, theme });
    paragraphs++;
    paragraph = undefined;
  };

  lines.slice(next).forEach((line, index) => {
    if (isBlank(line)) {
      close();
      return;
    }
    const heading = line.text.length <= MAX_HEADING ? HEADING.exec(line.text) : null;
    if (heading) {
      close();
      theme = Number(heading[1]);
      const span = trimmed(text, line);
      headings.push({ ...span, theme, title: (heading[2] as string).trim() });
      return;
    }
    // a byline under the title ("Source: … Editor: … 2021-12-23 18:03:31") is not part of the text
    if (
      index < 4 &&
      !paragraph &&
      headings.length === 0 &&
      sentences.length === 0 &&
      BYLINE.test(line.text)
    ) {
      published ??= /\b(\d{4}-\d{2}-\d{2})\b/.exec(line.text)?.[1];
      bylines.push(trimmed(text, line));
      return;
    }
    paragraph = paragraph ? { start: paragraph.start, end: line.end } : { start: line.start, end: line.end };
  });
  close();
  return { title, headings, sentences, published, bylines };
}
