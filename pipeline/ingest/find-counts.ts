import type { Finding, Qualifier } from './findings.ts';
import type { Span } from './source-text.ts';

// Counts of partners the text does not name: "nearly 70 countries", "19 African countries",
// "over 30 countries", "four countries". "The two countries" is not a count but a reference to
// partners named before (find-mentions.ts reports it).

const SMALL = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const QUALIFIERS: Readonly<Record<string, { qualifier: Qualifier | undefined; approximate: boolean }>> = {
  nearly: { qualifier: 'nearly', approximate: true },
  almost: { qualifier: 'nearly', approximate: true },
  'close to': { qualifier: 'nearly', approximate: true },
  about: { qualifier: 'about', approximate: true },
  around: { qualifier: 'about', approximate: true },
  some: { qualifier: 'about', approximate: true },
  roughly: { qualifier: 'about', approximate: true },
  approximately: { qualifier: 'about', approximate: true },
  over: { qualifier: 'over', approximate: true },
  'more than': { qualifier: 'over', approximate: true },
  'at least': { qualifier: 'at least', approximate: true },
  // approximations the schema has no qualifier for: kept as words for the reviewer
  'up to': { qualifier: undefined, approximate: true },
  'fewer than': { qualifier: undefined, approximate: true },
  'less than': { qualifier: undefined, approximate: true },
  under: { qualifier: undefined, approximate: true },
};

// Region names as the app's event descriptions know them (src/domain/event-description.ts).
const REGIONS: Readonly<Record<string, string>> = {
  african: 'Africa',
  asian: 'Asia',
  european: 'Europe',
  'latin american': 'Latin America',
  'south american': 'South America',
  'central american': 'Central America',
  'central asian': 'Central Asia',
  'southeast asian': 'Southeast Asia',
  'south-east asian': 'Southeast Asia',
  'south asian': 'South Asia',
  arab: 'the Arab world',
  'middle eastern': 'the Middle East',
  'pacific island': 'the Pacific',
  pacific: 'the Pacific',
  caribbean: 'the Caribbean',
  gulf: 'the Gulf',
};

const NUMBER = `\\d{1,3}(?:,\\d{3})*|(?:${TENS.join('|')})(?:-(?:${SMALL.slice(0, 9).join('|')}))?|${SMALL.join('|')}|a\\s+dozen|a\\s+hundred`;
const QUALIFIER = Object.keys(QUALIFIERS)
  .sort((a, b) => b.length - a.length)
  .map((q) => q.replace(' ', '\\s+'))
  .join('|');
const REGION = Object.keys(REGIONS)
  .sort((a, b) => b.length - a.length)
  .map((r) => r.replace(' ', '\\s+'))
  .join('|');
const COUNT = new RegExp(
  `(?<!\\b(?:the|these|those|all|both)\\s+)\\b(?:(${QUALIFIER})\\s+)?(${NUMBER})\\s+(?:(${REGION})\\s+)?(?:(?:member|partner|friendly|neighbou?ring|participating|foreign)\\s+)?(?:countries|nations|states|militaries|armies)\\b`,
  'giu',
);

const NOUNS = /\b(?:countries|nations|states|militaries|armies)\b/i;

function numberOf(number: string): number {
  const word = number.toLowerCase().replace(/\s+/g, ' ');
  if (/^[\d,]+$/.test(word)) return Number(word.replace(/,/g, ''));
  if (word === 'a dozen') return 12;
  if (word === 'a hundred') return 100;
  const [tens, units] = word.split('-');
  const ten = TENS.indexOf(tens as string);
  if (ten >= 0) return (ten + 2) * 10 + (units ? SMALL.indexOf(units) + 1 : 0);
  return SMALL.indexOf(word) + 1;
}

export function findCounts(text: string, sentence: Span): Finding[] {
  const words = text.slice(sentence.start, sentence.end);
  const found: Finding[] = [];
  if (!NOUNS.test(words)) return found;
  for (const match of words.matchAll(COUNT)) {
    const count = numberOf(match[2] as string);
    if (count < 2) continue;
    const said = match[1]?.toLowerCase().replace(/\s+/g, ' ');
    const how = said ? QUALIFIERS[said] : undefined;
    const region = match[3] ? REGIONS[match[3].toLowerCase().replace(/\s+/g, ' ')] : undefined;
    const start = sentence.start + (match.index ?? 0);
    found.push({
      type: 'count',
      span: { start, end: start + match[0].length },
      count,
      approximate: how?.approximate ?? false,
      qualifier: how?.qualifier,
      region,
      wording: how && !how.qualifier ? said : undefined,
    });
  }
  return found;
}
