import type { Geocoder } from '../gazetteer/geocoder.ts';
import type { Token } from './source-text.ts';
import { normaliseSource, tokenise } from './source-text.ts';

// Every name the gazetteer knows, as a trie of word keys, so that a text is scanned once, word by
// word, taking the longest name at each place: "Equatorial Guinea" is one country and not also
// "Guinea", and "ASEAN Defense Ministers' Meeting-Plus" is ADMM-Plus and not also ASEAN.

export type NameEntry =
  | { kind: 'country'; iso3: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'organisation'; id: string }
  | { kind: 'demonym'; iso3: string | null; candidates: string[] };

interface Edge {
  node: TrieNode;
  /** the name writes this word in capitals ("UN", "US"): so must the text, or "us" is the USA */
  acronym: boolean;
  /** the name has a comma or bracket before this word ("Korea, Republic of"): so may the text */
  punctuated: boolean;
}

interface TrieNode {
  next: Map<string, Edge>;
  entry?: NameEntry;
  name?: string;
}

export interface NameMatch {
  entry: NameEntry;
  /** the gazetteer's spelling */
  name: string;
  /** token indices, `last` inclusive */
  first: number;
  last: number;
}

export interface Lexicon {
  /** the longest name starting at `tokens[index]`, if any */
  matchAt(text: string, tokens: readonly Token[], index: number): NameMatch | undefined;
}

export interface LexiconNames {
  countries: Array<{ name: string; iso3: string }>;
  organisations: Array<{ name: string; id: string }>;
  ambiguous: Array<{ name: string; candidates: string[] }>;
  demonyms: Array<{ name: string; iso3: string | null; candidates?: string[] }>;
}

const GAP = /^[\s\-/,()'.]{0,6}$/;
const PUNCTUATION = /[,()]/;
const isCapitalised = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);
const isUpperCase = (word: string) => {
  const letters = word.replace(/\./g, '');
  return letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
};

function insert(root: TrieNode, name: string, entry: NameEntry): void {
  const { text } = normaliseSource(name);
  let tokens = tokenise(text);
  if (tokens[0]?.key === 'the' && tokens.length > 1) tokens = tokens.slice(1);
  if (tokens.length === 0) return;
  let node = root;
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    const acronym = token.text.replace(/\./g, '').length >= 2 && isUpperCase(token.text);
    const punctuated = previous !== undefined && PUNCTUATION.test(text.slice(previous.end, token.start));
    let edge = node.next.get(token.key);
    if (!edge) {
      edge = { node: { next: new Map() }, acronym, punctuated };
      node.next.set(token.key, edge);
    } else {
      edge.acronym ||= acronym;
      edge.punctuated ||= punctuated;
    }
    node = edge.node;
  });
  // the first entry for a spelling wins: countries, organisations, ambiguous names, then demonyms
  if (!node.entry) {
    node.entry = entry;
    node.name = name;
  }
}

export function createLexicon(names: LexiconNames): Lexicon {
  const root: TrieNode = { next: new Map() };
  for (const { name, iso3 } of names.countries) insert(root, name, { kind: 'country', iso3 });
  for (const { name, id } of names.organisations) insert(root, name, { kind: 'organisation', id });
  for (const { name, candidates } of names.ambiguous) insert(root, name, { kind: 'ambiguous', candidates });
  for (const { name, iso3, candidates } of names.demonyms) {
    insert(root, name, { kind: 'demonym', iso3, candidates: candidates ?? (iso3 ? [iso3] : []) });
  }

  return {
    matchAt(text, tokens, index) {
      let node = root;
      let best: NameMatch | undefined;
      for (let at = index; at < tokens.length; at++) {
        const token = tokens[at] as Token;
        let punctuated = false;
        if (at > index) {
          const gap = text.slice((tokens[at - 1] as Token).end, token.start);
          if (!GAP.test(gap)) break;
          punctuated = PUNCTUATION.test(gap);
        } else if (!isCapitalised(token.text)) {
          break;
        }
        const edge = node.next.get(token.key);
        if (!edge || (punctuated && !edge.punctuated) || (edge.acronym && !isUpperCase(token.text))) break;
        node = edge.node;
        if (node.entry && node.name !== undefined) {
          best = { entry: node.entry, name: node.name, first: index, last: at };
        }
      }
      return best;
    },
  };
}

/**
 * The geocoder lists countries, organisations and demonyms but not the names it refuses to
 * resolve; `maybeAmbiguous` are names to ask it about ("Congo", "Korea"): those it calls
 * ambiguous are scanned too, so they are reported rather than missed.
 */
export function lexiconFromGeocoder(geocoder: Geocoder, maybeAmbiguous: readonly string[]): Lexicon {
  const ambiguous = new Map<string, string[]>();
  for (const name of maybeAmbiguous) {
    const result = geocoder.resolve(name, { date: '2000-01-01' });
    if (result.status === 'ambiguous') ambiguous.set(name, result.candidates);
  }
  return createLexicon({
    countries: geocoder.names(),
    organisations: geocoder.organisations(),
    ambiguous: [...ambiguous].map(([name, candidates]) => ({ name, candidates })),
    demonyms: geocoder.demonyms(),
  });
}
