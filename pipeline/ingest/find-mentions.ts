import type { Finding } from './findings.ts';
import type { Lexicon, NameMatch } from './lexicon.ts';
import type { Span, Token } from './source-text.ts';
import { tokenise } from './source-text.ts';

// Countries, organisations and demonyms in a sentence, plus the partners it means without naming
// them ("the two navies") or without counting them ("many countries").

export const HOST = 'CHN';

// A demonym stands for a country's forces only before one of these ("the Russian military",
// "Indonesian submarine", "Russian Defense Minister"), perhaps after one more word ("Russian
// Pacific Fleet"). Anywhere else ("Russian President", "Vietnamese cuisine") it is only seen.
const FORCES =
  /^(?:\s+[\p{L}-]+)?\s+(?:defen[cs]e\s+(?:ministers?|ministry|ministries|departments?|forces|chiefs?|officials?|attach[eé]s?)|ministers?\s+of\s+(?:national\s+)?defen[cs]e|chiefs?\s+of\s+(?:the\s+)?general\s+staff|general\s+staff|(?:armed|defen[cs]e|naval|air|ground|land|special|self-defen[cs]e|maritime|peacekeeping)\s+forces?|military|militaries|army|armies|navy|navies|naval|air\s+forces?|troops|soldiers|servicemen|service\s+members|personnel|marines|coast\s+guard|peacekeepers|warships?|submarines?|frigates?|destroyers?|corvettes?|vessels?|ships?|fleets?|aircraft|bombers?|fighters?|jets|helicopters?|side|teams?|contingents?|delegations?|counterparts?|officers?|cadets|commanders?|units?|battalions?|brigades?|squadrons?)\b/iu;

const COORDINATION = /^\s*(?:,\s*)?(?:and|or|&)?\s*$/;

const GROUP_NOUNS =
  'sides|countries|nations|states|militaries|armies|navies|air\\s+forces|armed\\s+forces|forces|defen[cs]e\\s+ministers|defen[cs]e\\s+ministries|ministers|parties|governments|leaders|teams|heads\\s+of\\s+state';
/** the nouns both patterns below end in: a sentence without one needs neither */
const GROUP_WORDS = new RegExp(`\\b(?:${GROUP_NOUNS})\\b`, 'iu');
const COLLECTIVE = new RegExp(
  `\\b(?:(?:the|these|those|all)\\s+(?:two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})|both)\\s+(?:${GROUP_NOUNS})\\b`,
  'giu',
);
const VAGUE =
  /\b(?:(?:many|several|various|numerous|some|other|friendly|neighbou?ring|developing|relevant|foreign|participating|fellow|regional)\s+)+(?:countries|nations|militaries|armies)\b|\bcountries\s+in\s+need\b|\b(?:dozens|a\s+number)\s+of\s+(?:countries|nations|militaries)\b/giu;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function phrases(
  text: string,
  sentence: Span,
  pattern: RegExp,
  type: 'collective' | 'vague',
  taken: readonly Span[],
): Finding[] {
  const found: Finding[] = [];
  pattern.lastIndex = 0;
  const words = text.slice(sentence.start, sentence.end);
  for (const match of words.matchAll(pattern)) {
    const span = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
    if (taken.some((other) => overlaps(span, other))) continue;
    found.push({ type, span, phrase: match[0].replace(/\s+/g, ' ') });
  }
  return found;
}

function spanOf(tokens: readonly Token[], match: NameMatch): Span {
  return { start: (tokens[match.first] as Token).start, end: (tokens[match.last] as Token).end };
}

/**
 * `taken` are spans other finders own (counts: "19 African countries"), where a partner phrase
 * is not looked for again; `sentenceTokens`, the sentence's tokens when the caller has them.
 */
export function findMentions(
  text: string,
  sentence: Span,
  lexicon: Lexicon,
  taken: readonly Span[] = [],
  sentenceTokens?: readonly Token[],
): Finding[] {
  const tokens = sentenceTokens ?? tokenise(text, sentence.start, sentence.end);
  const matches: NameMatch[] = [];
  for (let index = 0; index < tokens.length; ) {
    const match = lexicon.matchAt(text, tokens, index);
    if (match) {
      matches.push(match);
      index = match.last + 1;
    } else {
      index++;
    }
  }

  const findings: Finding[] = [];
  for (let index = 0; index < matches.length; index++) {
    const match = matches[index] as NameMatch;
    const span = spanOf(tokens, match);
    const mention = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const { entry } = match;
    if (entry.kind === 'country') {
      if (entry.iso3 !== HOST)
        findings.push({ type: 'country', span, iso3: entry.iso3, mention, viaDemonym: false });
    } else if (entry.kind === 'organisation') {
      findings.push({ type: 'organisation', span, id: entry.id, mention });
    } else if (entry.kind === 'ambiguous') {
      findings.push({ type: 'ambiguous', span, mention, candidates: entry.candidates, viaDemonym: false });
    } else {
      // "the Chinese and Russian armed forces": coordinated demonyms share the noun after the last
      let last = index;
      while (last + 1 < matches.length) {
        const next = matches[last + 1] as NameMatch;
        const gap = text.slice(spanOf(tokens, matches[last] as NameMatch).end, spanOf(tokens, next).start);
        if (next.entry.kind !== 'demonym' || !COORDINATION.test(gap)) break;
        last++;
      }
      const after = spanOf(tokens, matches[last] as NameMatch).end;
      const forces = FORCES.exec(text.slice(after, Math.min(sentence.end, after + 80)));
      for (let at = index; at <= last; at++) {
        const demonym = matches[at] as NameMatch;
        if (demonym.entry.kind !== 'demonym' || demonym.entry.iso3 === HOST) continue;
        const own = spanOf(tokens, demonym);
        const said = text.slice(own.start, own.end);
        const { iso3, candidates } = demonym.entry;
        if (!forces) {
          findings.push({ type: 'demonym', span: own, mention: said, iso3, candidates });
        } else if (iso3) {
          const phrase = at === last ? { start: own.start, end: after + forces[0].length } : own;
          findings.push({ type: 'country', span: phrase, iso3, mention: said, viaDemonym: true });
        } else {
          findings.push({ type: 'ambiguous', span: own, mention: said, candidates, viaDemonym: true });
        }
      }
      index = last;
    }
  }
  const free = findings.filter(({ span }) => !taken.some((other) => overlaps(span, other)));
  if (!GROUP_WORDS.test(text.slice(sentence.start, sentence.end))) return free;
  const named = free.map((finding) => finding.span);
  const collective = phrases(text, sentence, COLLECTIVE, 'collective', [...taken, ...named]);
  const vague = phrases(text, sentence, VAGUE, 'vague', [
    ...taken,
    ...named,
    ...collective.map((f) => f.span),
  ]);
  return [...free, ...collective, ...vague];
}
