import type { EventFormat, EventKind } from '../../src/domain/event-schema.ts';

// The event's kind and format guessed from its words. Always a guess: the draft says which words
// it came from, and the reviewer decides.

// In order of precedence: "assisted in the salvaging" is a rescue, not aid; "video calls" a call.
const KIND_WORDS: ReadonlyArray<[EventKind, RegExp]> = [
  ['rescue', /\b(?:rescue\w*|salvag\w*)\b/i],
  ['aid', /\b(?:donat\w*|aid|assistance|relief\s+supplies|supplies)\b/i],
  ['competition', /\b(?:games|competitions?|contests?|tournaments?)\b/i],
  ['forum', /\b(?:forums?|seminars?|symposi(?:um|a)|colloqui(?:um|a)|workshops?)\b/i],
  ['exercise', /\b(?:exercises?|drills?|manoeuvres?|maneuvers?)\b/i],
  ['patrol', /\bpatrols?\b/i],
  [
    'call',
    /\b(?:video\s+calls?|phone\s+calls?|telephone\s+calls?|video\s+talks?|held\s+talks\s+(?:by|via)\s+video)\b/i,
  ],
  ['meeting', /\b(?:meetings?|met|meet|talks|conferences?|summit|ministerial|dialogue|consultations?)\b/i],
  ['visit', /\b(?:visit\w*|toured?)\b/i],
  ['exchange', /\b(?:exchanges?|exchanged|interviews?|letters|port\s+calls?|friendship)\b/i],
];

export interface KindGuess {
  kind: EventKind | undefined;
  /** the words the guess rests on */
  words: string | undefined;
  /** every kind the words could mean, the guess first */
  candidates: EventKind[];
}

export function guessKind(text: string, head: EventKind | undefined): KindGuess {
  const hits = KIND_WORDS.flatMap(([kind, pattern]) => {
    const match = pattern.exec(text);
    return match ? [{ kind, words: match[0] }] : [];
  });
  const candidates = [...new Set([...(head ? [head] : []), ...hits.map((hit) => hit.kind)])];
  if (head) return { kind: head, words: undefined, candidates };
  const [first] = hits;
  return { kind: first?.kind, words: first?.words, candidates };
}

const ONLINE =
  /\b(?:video\w*|online|virtual\w*|teleconferenc\w*|telephone|phone\s+calls?|by\s+phone|web\s*(?:inar|cast))\b/i;
const IN_PERSON = /\b(?:on\s+the\s+spot|in\s+person|onsite|on-site|face[\s-]to[\s-]face)\b/i;

export interface FormatGuess {
  format: EventFormat;
  words: string | undefined;
}

export function guessFormat(text: string): FormatGuess {
  const online = ONLINE.exec(text)?.[0];
  const inPerson = IN_PERSON.exec(text)?.[0];
  if (online && inPerson) return { format: 'hybrid', words: `${online}", "${inPerson}` };
  if (online) return { format: 'online', words: online };
  return { format: 'in-person', words: inPerson };
}
