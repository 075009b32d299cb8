import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Draft, DraftEvent } from './draft.ts';
import { draftToYaml } from './draft-yaml.ts';

const NASTY = [
  'null',
  'Yes',
  '2021',
  '2021-12-23',
  '1e3',
  'a: b',
  'a #b',
  '#x',
  '- y',
  "It's",
  "'",
  '"q"',
  'tab\there, new\nline, crlf\r\n',
  'del\u007F nel\u0085 c1\u0090 ls\u2028 ps\u2029',
  'emoji 😀 and a lone \uD800 surrogate',
  ' leading',
  'trailing ',
  'double  space',
  '',
  '{x}',
  '[y]',
  'a, b',
  '&anchor *alias !tag |pipe >fold %pct @at `tick`',
  "ASEAN Defence Ministers' Meeting-Plus",
  '\u00A0non-breaking',
  '\\backslash',
];

function draftWith(strings: string[]): Draft {
  const event = {
    id: 'draft-x-1',
    theme: 1,
    title: strings[0] ?? 'x',
    summary: null,
    kind: 'TODO',
    format: 'online',
    date: { start: '2021', precision: 'year' },
    location: null,
    partners: strings.map((name) => ({ name, basis: 'named' as const })),
    sources: ['article'],
    review: strings,
    evidence: {
      sentence: { quote: strings.join(' '), start: 0, end: 1 },
      partners: strings.map((quote, start) => ({ name: quote, iso3: 'XXX', quote, start, end: start + 1 })),
      dates: [{ value: { start: '2021-05-03', precision: 'day' }, quote: 'May 3', start: 1, end: 2 }],
      organisations: [{ id: 'SCO', members: ['IND', 'KAZ'], quote: 'SCO', start: 3, end: 6 }],
    },
  } as unknown as DraftEvent;
  return {
    article: {
      title: 'T',
      url: 'http://example.org/a?b=c#d',
      published: 'TODO',
      themes: [{ id: 1, title: 'One: two' }],
    },
    ingest: { file: 'a b.txt', year: 2021, encoding: 'UTF-8', offsets: 'x', sentences: 1 },
    events: [event, { ...event, id: 'draft-x-2', partners: [], review: [] }],
  };
}

describe('draftToYaml', () => {
  it('writes YAML that reads back as the same draft, whatever the strings hold', () => {
    const draft = draftWith(NASTY);
    expect(parse(draftToYaml(draft))).toEqual(JSON.parse(JSON.stringify(draft)));
  });

  it('marks every summary TODO and writes each piece of evidence on one line', () => {
    const yaml = draftToYaml(draftWith(['Pakistan', "China's navy"]));
    expect(yaml).toMatch(/^# Draft events read from a b\.txt/);
    expect(yaml.match(/^ {4}summary: null # TODO: write a summary in your own words$/gm)).toHaveLength(2);
    expect(yaml).toContain(
      "        - { name: China's navy, iso3: XXX, quote: China's navy, start: 1, end: 2 }",
    );
    expect(yaml).toContain(
      "        - { value: { start: '2021-05-03', precision: day }, quote: May 3, start: 1, end: 2 }",
    );
    expect(yaml).toContain('        - { id: SCO, members: [IND, KAZ], quote: SCO, start: 3, end: 6 }');
  });
});
