import { MONTH_NAMES } from '../../domain/dates.ts';

// Citations of one view of the atlas: the atlas itself, the dataset's source article, the view's
// permanent link (the URL with its parameters) and the date it was accessed. Pure: the date comes in.

export interface CitationInput {
  /** "China's international military cooperation in 2021" */
  title: string;
  /** What the view shows: "12 of 34 events · Exercise · 1 Aug – 30 Sep 2021" */
  view: string;
  /** The view's permanent link. */
  url: string;
  /** The day it was accessed, YYYY-MM-DD (the reader's own calendar day). */
  accessed: string;
  source: { title: string; url: string; published: string };
}

export interface Citations {
  apa: string;
  chicago: string;
  bibtex: string;
}

export const ATLAS_NAME = 'Cooperation Atlas';
const PUBLISHER = 'China Military Online';

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, day, month: MONTH_NAMES[month - 1] as string };
};

/** APA: "2021, December 23" */
const apaDate = (iso: string) => {
  const { year, month, day } = parts(iso);
  return `${year}, ${month} ${day}`;
};
/** Chicago: "December 23, 2021" */
const chicagoDate = (iso: string) => {
  const { year, month, day } = parts(iso);
  return `${month} ${day}, ${year}`;
};
/** APA's retrieval date: "November 30, 2026" (the same form as Chicago's). */
const longDate = chicagoDate;

/** A sentence ends with one full stop, whatever the title ends with. */
const stop = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

export function apaCitation(input: CitationInput): string {
  const { source } = input;
  return [
    `${ATLAS_NAME}. (n.d.). ${stop(`${input.title} [Interactive map and dataset; view: ${input.view}]`)}`,
    `Data from ${PUBLISHER}, “${stop(source.title)}” (${apaDate(source.published)}), ${source.url}.`,
    `Retrieved ${longDate(input.accessed)}, from ${input.url}`,
  ].join(' ');
}

export function chicagoCitation(input: CitationInput): string {
  const { source } = input;
  return [
    `${ATLAS_NAME}. “${stop(input.title)}” Interactive map and dataset. View: ${stop(input.view)}`,
    `Based on “${source.title},” ${PUBLISHER}, ${chicagoDate(source.published)}, ${source.url}.`,
    `Accessed ${chicagoDate(input.accessed)}. ${input.url}.`,
  ].join(' ');
}

/** TeX's special characters, escaped for a BibTeX field in braces. */
const TEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** TeX's special characters, escaped in one pass (so no escape is escaped again), on one line. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\~^{}&%$#_]/g, (char) => TEX_SPECIALS[char] ?? `\\${char}`).replace(/[\r\n]+/g, ' ');
}

/** A URL for biblatex's `url` field: only braces and a bare `%` (a TeX comment) need escaping. */
const bibtexUrl = (url: string) => url.replace(/([{}%#])/g, '\\$1');

/** A citation key: "cooperationatlas2021exercise". */
export function bibtexKey(key: string): string {
  return key.replace(/[^A-Za-z0-9:-]+/g, '').slice(0, 60) || 'cooperationatlas';
}

export function bibtexCitation(input: CitationInput, key: string): string {
  const { source } = input;
  const fields: [string, string][] = [
    ['author', `{${ATLAS_NAME}}`],
    ['title', `{${bibtexEscape(input.title)}}`],
    ['note', bibtexEscape(`Interactive map and dataset. View: ${input.view}`)],
    [
      'addendum',
      bibtexEscape(`Data from ${PUBLISHER}, “${source.title}”, ${chicagoDate(source.published)}, `) +
        `\\url{${bibtexUrl(source.url)}}`,
    ],
    ['url', bibtexUrl(input.url)],
    ['urldate', input.accessed],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@online{${bibtexKey(key)},\n${body}\n}`;
}

export function citations(input: CitationInput, key: string): Citations {
  return { apa: apaCitation(input), chicago: chicagoCitation(input), bibtex: bibtexCitation(input, key) };
}

/** Today in the reader's own calendar, YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
