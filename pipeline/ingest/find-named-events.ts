import { MONTH_NAMES } from '../../src/domain/dates.ts';
import type { EventKind } from '../../src/domain/event-schema.ts';
import type { Finding } from './findings.ts';
import { guessKind } from './guess-kind.ts';
import type { Span, Token } from './source-text.ts';
import { tokenise } from './source-text.ts';

// Named exercises, meetings, forums and games: a run of capitalised words that ends in a year
// ("Joint Sea-2021", "Peace Rescue 2021") or holds a word such as Meeting, Forum or Games ("the
// 8th ASEAN Defense Ministers' Meeting-Plus"), with "meeting of the …" in front when the text
// says so ("the meeting of the Council of Ministers of Defense of …").

const HEADS: Readonly<Record<string, EventKind>> = {
  Meeting: 'meeting',
  Meetings: 'meeting',
  Conference: 'meeting',
  Summit: 'meeting',
  Dialogue: 'meeting',
  Consultation: 'meeting',
  Consultations: 'meeting',
  Talks: 'meeting',
  Ministerial: 'meeting',
  Session: 'meeting',
  Forum: 'forum',
  Seminar: 'forum',
  Symposium: 'forum',
  Workshop: 'forum',
  Colloquium: 'forum',
  Games: 'competition',
  Competition: 'competition',
  Contest: 'competition',
  Olympiad: 'competition',
  Exercise: 'exercise',
  Exercises: 'exercise',
  Drill: 'exercise',
  Drills: 'exercise',
};

// Words a name may hold between capitalised ones; not "in" or "at", which usually start a place
// ("the Xiangshan Forum in Beijing").
const CONNECTORS = new Set(['of', 'the', 'and', 'on', 'for', 'de', "'s"]);
const LEADING = new Set(
  (
    'The A An In On At Since From By During Besides This That These Those Its Their His Her Both After ' +
    'Before Also And But Meanwhile While When With As For To Of Then Later Earlier'
  ).split(' '),
);
const MONTHS = new Set(MONTH_NAMES);

const RUN_GAP = /^[\s\-/']{0,3}$/;
const YEAR_GAP = /^[\s-]?$/;
const PREFIX =
  /(?:\b(?:video|online|virtual|annual|first|second|third|\d+(?:st|nd|rd|th))\s+)?\b(meeting|session|conference|seminar|symposium|summit|forum|talks)\s+of\s+(?:the\s+)?$/i;

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text);
const isOrdinal = (token: Token) => /^\d{1,3}(?:st|nd|rd|th)$/i.test(token.text);
const isYear = (token: Token) => /^(?:19|20)\d{2}$/.test(token.text);
const isAcronym = (token: Token) => /^\p{Lu}{2,}$/u.test(token.text);

/** The end (exclusive token index) of a run of name words starting at `first`. */
function runEnd(text: string, tokens: readonly Token[], first: number): number {
  let last = first;
  let at = first;
  while (at + 1 < tokens.length) {
    const here = tokens[at] as Token;
    const next = tokens[at + 1] as Token;
    const gap = text.slice(here.end, next.start);
    // "Joint Sea-2021", but not the "2021" of a date such as 2021-12-23
    const date = /^-\d/.test(text.slice(next.end, next.end + 2));
    if (isYear(next) && YEAR_GAP.test(gap) && last === at && isCapitalised(here) && !date) return at + 2;
    if (!RUN_GAP.test(gap)) {
      // "Shanghai Cooperation Organization (SCO) Member States": an acronym in brackets inside
      const after = tokens[at + 2];
      if (
        /^\s*\($/.test(gap) &&
        isAcronym(next) &&
        after &&
        /^\)\s*$/.test(text.slice(next.end, after.start)) &&
        isCapitalised(after)
      ) {
        at += 2;
        last = at;
        continue;
      }
      break;
    }
    if (isCapitalised(next)) {
      at++;
      last = at;
    } else if (CONNECTORS.has(next.key) && !MONTHS.has(tokens[at + 2]?.text ?? '')) {
      // a connector, unless a date follows: "… Meeting-Plus on November 23" ends before "on"
      at++;
    } else {
      break;
    }
  }
  return last + 1;
}

/** `sentenceTokens`: the sentence's tokens when the caller has them already */
export function findNamedEvents(text: string, sentence: Span, sentenceTokens?: readonly Token[]): Finding[] {
  const tokens = sentenceTokens ?? tokenise(text, sentence.start, sentence.end);
  const found: Finding[] = [];
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] as Token;
    const startsRun =
      isCapitalised(token) ||
      (isOrdinal(token) && tokens[index + 1] && isCapitalised(tokens[index + 1] as Token));
    if (!startsRun) {
      index++;
      continue;
    }
    const end = runEnd(text, tokens, index);
    let run = tokens.slice(index, end);
    index = end;
    while (run.length > 1 && LEADING.has((run[0] as Token).text)) run = run.slice(1);
    const words = run.filter((t) => !CONNECTORS.has(t.key) && !isYear(t));
    const endsInYear = isYear(run[run.length - 1] as Token);
    const head = run.map((t) => HEADS[t.text]).find((kind) => kind !== undefined);
    const prefix = PREFIX.exec(
      text.slice(Math.max(sentence.start, (run[0] as Token).start - 40), (run[0] as Token).start),
    );
    const onlyMonths = words.every((t) => MONTHS.has(t.text));
    const named =
      (endsInYear && words.length >= 1 && !onlyMonths) || (head !== undefined && words.length >= 2) || prefix;
    if (!named) continue;
    const start = prefix ? (run[0] as Token).start - prefix[0].length : (run[0] as Token).start;
    const span = { start, end: (run[run.length - 1] as Token).end };
    const prefixHead = prefix
      ? HEADS[`${(prefix[1] as string)[0]?.toUpperCase()}${(prefix[1] as string).slice(1)}`]
      : undefined;
    // "Peace Rescue 2021 joint medical exercise": the words after a name say what it is
    const after = /^(?:(?! and )[^,;.A-Z]){0,60}/.exec(text.slice(span.end, sentence.end))?.[0] ?? '';
    found.push({
      type: 'named',
      span,
      name: text.slice(span.start, span.end).replace(/\s+/g, ' '),
      head: prefixHead ?? head ?? guessKind(after, undefined).kind,
    });
  }
  return found;
}
