import { describe, expect, it } from 'vitest';
import { buildDataset, formatProblem } from './build-dataset.ts';
import { defaultGeocoder } from './gazetteer/load-gazetteer.ts';

const article = {
  path: 'data/article.yaml',
  content: {
    source: { title: 'Highlights', url: 'http://example.org/article', published: '2021-12-23' },
    themes: [{ id: 1, title: 'One' }],
  },
};

const goodEvent = {
  id: 'joint-sea-2021',
  theme: 1,
  title: 'Joint Sea-2021',
  summary: 'A naval exercise.',
  kind: 'exercise',
  format: 'in-person',
  date: { start: '2021-10-14', end: '2021-10-17', precision: 'day' },
  location: { name: 'Sea of Japan', lon: 131.9, lat: 43.1 },
  partners: [{ name: 'Russia', mention: 'Russian', basis: 'named' }],
  sources: ['article'],
};

const build = (...events: unknown[]) =>
  buildDataset(article, [{ path: 'data/events/test.yaml', content: { events } }], defaultGeocoder());

const messages = (...events: unknown[]) => build(...events).problems.map(formatProblem);

describe('buildDataset', () => {
  it('geocodes, expands dates and resolves the article source', () => {
    const { dataset, problems } = build(goodEvent, {
      ...goodEvent,
      id: 'sco-meeting',
      date: { start: '2021-07', precision: 'month' },
      partners: [{ organisation: 'SCO' }],
      sources: [{ title: 'Other', url: 'https://example.org/x' }],
    });
    expect(problems).toEqual([]);
    const [sea, sco] = dataset?.events ?? [];
    expect(sea?.partners).toEqual([{ iso3: 'RUS', name: 'Russia', mention: 'Russian', basis: 'named' }]);
    expect(sea?.sources).toEqual([{ title: 'Highlights', url: 'http://example.org/article' }]);
    expect(sco?.date).toEqual({ start: '2021-07-01', end: '2021-07-31', precision: 'month' });
    // China hosts and is never its own partner; Iran and Belarus joined the SCO later.
    expect(sco?.partners.map((p) => p.iso3).sort()).toEqual([
      'IND',
      'KAZ',
      'KGZ',
      'PAK',
      'RUS',
      'TJK',
      'UZB',
    ]);
    expect(sco?.partners.every((p) => p.basis === 'member' && p.via === 'SCO')).toBe(true);
  });

  it('expands a year-precision date to the whole year', () => {
    const { dataset } = build({ ...goodEvent, date: { start: 2021, precision: 'year' } });
    expect(dataset?.events[0]?.date).toEqual({ start: '2021-01-01', end: '2021-12-31', precision: 'year' });
  });

  it('names the file, event and field of an unknown country', () => {
    expect(messages({ ...goodEvent, partners: [{ name: 'Atlantis', basis: 'named' }] })).toEqual([
      'data/events/test.yaml: joint-sea-2021: partners.0.name: unknown country name "Atlantis"',
    ]);
  });

  it('reports an ambiguous country with its candidates', () => {
    expect(messages({ ...goodEvent, partners: [{ name: 'Congo', basis: 'named' }] })[0]).toMatch(
      /partners\.0\.name: ambiguous country name "Congo": one of (COD, COG|COG, COD)/,
    );
  });

  it('rejects an end before its start', () => {
    expect(
      messages({ ...goodEvent, date: { start: '2021-10-14', end: '2021-10-01', precision: 'day' } }),
    ).toEqual(['data/events/test.yaml: joint-sea-2021: date.end: end 2021-10-01 is before start 2021-10-14']);
  });

  it('rejects a day-precision date without a day', () => {
    expect(messages({ ...goodEvent, date: { start: '2021-10', precision: 'day' } })).toEqual([
      'data/events/test.yaml: joint-sea-2021: date.start: a day-precision date needs a day: write it YYYY-MM-DD (got "2021-10")',
    ]);
  });

  it('rejects a month-precision date with an invented day', () => {
    expect(messages({ ...goodEvent, date: { start: '2021-10-01', precision: 'month' } })[0]).toContain(
      'date.start: a month-precision date: write it YYYY-MM',
    );
  });

  it('rejects a duplicate id', () => {
    expect(messages(goodEvent, goodEvent)).toEqual([
      'data/events/test.yaml: joint-sea-2021: id: duplicate id "joint-sea-2021"',
    ]);
  });

  it('rejects a non-http source URL', () => {
    expect(
      messages({ ...goodEvent, sources: [{ title: 'Bad', url: 'javascript:alert(1)' }] }).join('\n'),
    ).toContain('joint-sea-2021: sources.0.url: must be an http(s) URL');
  });

  it('rejects China as a partner and an event with no source', () => {
    expect(messages({ ...goodEvent, partners: [{ name: 'China', basis: 'named' }], sources: [] })).toEqual([
      'data/events/test.yaml: joint-sea-2021: partners.0.name: China is the host, never a partner',
      'data/events/test.yaml: joint-sea-2021: sources: needs at least one source',
    ]);
  });

  it('lists every problem of every event at once', () => {
    const problems = build(
      { ...goodEvent, id: 'a', partners: [{ name: 'Atlantis', basis: 'named' }] },
      { ...goodEvent, id: 'b', kind: 'party' },
      { ...goodEvent, id: 'c', date: { start: '2021-02-30', precision: 'day' } },
    ).problems;
    expect(problems.map((p) => p.eventId)).toEqual(['a', 'b', 'c']);
    expect(problems[1]?.field).toBe('kind');
    expect(problems[2]?.message).toContain('not a real date');
  });
});
