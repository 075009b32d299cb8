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
  date: { start: '2021-10-14', end: '2021-10-17', precision: 'day', source: 'cmo' },
  location: { name: 'Sea of Japan', kind: 'venue', lon: 131.9, lat: 43.1, source: 'cmo' },
  partners: [{ name: 'Russia', mention: 'Russian', basis: 'named', source: 'article' }],
  sources: ['article', { id: 'cmo', title: 'China Military Online', url: 'http://example.org/cmo' }],
};

const dated = (date: Record<string, unknown>) => ({ ...goodEvent, date: { source: 'cmo', ...date } });

const build = (...events: unknown[]) =>
  buildDataset(article, [{ path: 'data/events/test.yaml', content: { events } }], defaultGeocoder());

const messages = (...events: unknown[]) => build(...events).problems.map(formatProblem);

describe('buildDataset', () => {
  it('geocodes, expands dates and resolves the article source', () => {
    const { dataset, problems } = build(goodEvent, {
      ...goodEvent,
      id: 'sco-meeting',
      date: { start: '2021-07', precision: 'month', source: 'other' },
      location: undefined,
      partners: [{ organisation: 'SCO', source: 'other' }],
      sources: [{ id: 'other', title: 'Other', url: 'https://example.org/x' }],
    });
    expect(problems).toEqual([]);
    const [sea, sco] = dataset?.events ?? [];
    expect(sea?.partners).toEqual([
      { iso3: 'RUS', name: 'Russia', mention: 'Russian', basis: 'named', source: 'article' },
    ]);
    expect(sea?.sources).toEqual([
      { id: 'article', title: 'Highlights', url: 'http://example.org/article' },
      { id: 'cmo', title: 'China Military Online', url: 'http://example.org/cmo' },
    ]);
    expect(sea?.location).toEqual({
      name: 'Sea of Japan',
      kind: 'venue',
      lon: 131.9,
      lat: 43.1,
      source: 'cmo',
    });
    expect(sco?.date).toEqual({
      start: '2021-07-01',
      end: '2021-07-31',
      precision: 'month',
      source: 'other',
    });
    expect(sco?.location).toBeUndefined();
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
    expect(sco?.partners.every((p) => p.basis === 'member' && p.via === 'SCO' && p.source === 'other')).toBe(
      true,
    );
  });

  it('expands a year-precision date to the whole year', () => {
    const { dataset } = build(dated({ start: 2021, precision: 'year' }));
    expect(dataset?.events[0]?.date).toEqual({
      start: '2021-01-01',
      end: '2021-12-31',
      precision: 'year',
      source: 'cmo',
    });
  });

  it('names the file, event and field of an unknown country', () => {
    expect(
      messages({ ...goodEvent, partners: [{ name: 'Atlantis', basis: 'named', source: 'article' }] }),
    ).toEqual(['data/events/test.yaml: joint-sea-2021: partners.0.name: unknown country name "Atlantis"']);
  });

  it('reports an ambiguous country with its candidates', () => {
    expect(
      messages({ ...goodEvent, partners: [{ name: 'Congo', basis: 'named', source: 'article' }] })[0],
    ).toMatch(/partners\.0\.name: ambiguous country name "Congo": one of (COD, COG|COG, COD)/);
  });

  it('rejects an end before its start', () => {
    expect(messages(dated({ start: '2021-10-14', end: '2021-10-01', precision: 'day' }))).toEqual([
      'data/events/test.yaml: joint-sea-2021: date.end: end 2021-10-01 is before start 2021-10-14',
    ]);
  });

  it('rejects a day-precision date without a day', () => {
    expect(messages(dated({ start: '2021-10', precision: 'day' }))).toEqual([
      'data/events/test.yaml: joint-sea-2021: date.start: a day-precision date needs a day: write it YYYY-MM-DD (got "2021-10")',
    ]);
  });

  it('rejects a month-precision date with an invented day', () => {
    expect(messages(dated({ start: '2021-10-01', precision: 'month' }))[0]).toContain(
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
      messages({
        ...goodEvent,
        sources: ['article', { id: 'cmo', title: 'Bad', url: 'javascript:alert(1)' }],
      }).join('\n'),
    ).toContain('joint-sea-2021: sources.1.url: must be an http(s) URL');
  });

  it('rejects China as a partner and an event with no source', () => {
    expect(
      messages({ ...goodEvent, partners: [{ name: 'China', basis: 'named', source: 'article' }] }),
    ).toEqual(['data/events/test.yaml: joint-sea-2021: partners.0.name: China is the host, never a partner']);
    expect(messages({ ...goodEvent, location: undefined, partners: [], sources: [] })).toContain(
      'data/events/test.yaml: joint-sea-2021: date.source: no source "cmo" in this event\'s sources ()',
    );
  });

  it('lists every problem of every event at once', () => {
    const problems = build(
      { ...goodEvent, id: 'a', partners: [{ name: 'Atlantis', basis: 'named', source: 'article' }] },
      { ...goodEvent, id: 'b', kind: 'party' },
      { ...dated({ start: '2021-02-30', precision: 'day' }), id: 'c' },
    ).problems;
    expect(problems.map((p) => p.eventId)).toEqual(['a', 'b', 'c']);
    expect(problems[1]?.field).toBe('kind');
    expect(problems[2]?.message).toContain('not a real date');
  });

  describe('texts in other languages', () => {
    it('carries an event’s Chinese title and summary into the dataset', () => {
      const zh = { title: '“海上联合-2021”演习', summary: '中俄海军演习。' };
      expect(build({ ...goodEvent, i18n: { zh } }).dataset?.events[0]?.i18n).toEqual({ zh });
    });

    it('leaves i18n out of an event that has none', () => {
      expect(build(goodEvent).dataset?.events[0]).not.toHaveProperty('i18n');
    });

    it('refuses a Chinese title that is present but empty, naming the field', () => {
      expect(messages({ ...goodEvent, i18n: { zh: { title: ' ', summary: '中俄海军演习。' } } })).toEqual([
        'data/events/test.yaml: joint-sea-2021: i18n.zh.title: is present but empty: write it or leave the field out',
      ]);
    });

    it('carries the article’s and themes’ Chinese titles, and refuses a blank one', () => {
      const zhArticle = {
        path: article.path,
        content: {
          source: { ...article.content.source, i18n: { zh: { title: '亮点' } } },
          themes: [{ id: 1, title: 'One', i18n: { zh: { title: '一' } } }],
        },
      };
      const built = buildDataset(
        zhArticle,
        [{ path: 'e.yaml', content: { events: [goodEvent] } }],
        defaultGeocoder(),
      );
      expect(built.dataset?.source.i18n).toEqual({ zh: { title: '亮点' } });
      expect(built.dataset?.themes[0]?.i18n).toEqual({ zh: { title: '一' } });
      const blank = {
        ...zhArticle,
        content: { ...zhArticle.content, themes: [{ id: 1, title: 'One', i18n: { zh: { title: '' } } }] },
      };
      expect(buildDataset(blank, [], defaultGeocoder()).problems.map(formatProblem)).toEqual([
        'data/article.yaml: themes.0.i18n.zh.title: is present but empty: write it or leave the field out',
      ]);
    });

    it('refuses a translation without its summary and a key that is not a language tag', () => {
      expect(messages({ ...goodEvent, i18n: { zh: { title: '演习' } } })[0]).toMatch(/i18n\.zh\.summary/);
      expect(messages({ ...goodEvent, i18n: { Chinese: { title: '演习', summary: '演习。' } } })[0]).toMatch(
        /i18n\.Chinese: /,
      );
    });
  });

  describe('a source for every fact', () => {
    it('refuses a reported partner that cites only the article', () => {
      expect(
        messages({ ...goodEvent, partners: [{ name: 'Russia', basis: 'reported', source: 'article' }] }),
      ).toEqual([
        'data/events/test.yaml: joint-sea-2021: partners.0.source: Russia is `reported` (not named by the article) but cites only the article: cite the report that names it',
      ]);
      expect(
        messages({ ...goodEvent, partners: [{ name: 'Russia', basis: 'reported', source: 'cmo' }] }),
      ).toEqual([]);
    });

    it('refuses an exact day that cites nothing, naming the field', () => {
      const { source: _, ...uncited } = goodEvent.date;
      expect(messages({ ...goodEvent, date: uncited })).toEqual([
        'data/events/test.yaml: joint-sea-2021: date.source: an exact day needs the source that gives it: add `source: <id>`',
      ]);
    });

    it('refuses a source id that does not exist, wherever it is cited', () => {
      const problems = messages({
        ...goodEvent,
        date: {
          ...goodEvent.date,
          alternatives: [{ start: '2021-10-15', precision: 'day', source: 'tass', note: 'n' }],
        },
        location: { ...goodEvent.location, source: 'xinhua' },
        partners: [{ organisation: 'SCO', source: 'sco' }],
        unnamedPartners: { count: 3, approximate: false, source: 'nobody' },
      });
      expect(problems).toEqual([
        'data/events/test.yaml: joint-sea-2021: date.alternatives.0.source: no source "tass" in this event\'s sources (article, cmo)',
        'data/events/test.yaml: joint-sea-2021: location.source: no source "xinhua" in this event\'s sources (article, cmo)',
        'data/events/test.yaml: joint-sea-2021: partners.0.source: no source "sco" in this event\'s sources (article, cmo)',
        'data/events/test.yaml: joint-sea-2021: unnamedPartners.source: no source "nobody" in this event\'s sources (article, cmo)',
      ]);
    });

    it('refuses a partner or a place without a source, and a duplicate source id', () => {
      const { source: _, ...placeUncited } = goodEvent.location;
      expect(
        messages({
          ...goodEvent,
          location: placeUncited,
          partners: [{ name: 'Russia', basis: 'named' }],
          sources: [...goodEvent.sources, { id: 'cmo', title: 'Again', url: 'http://example.org/again' }],
        }),
      ).toEqual([
        'data/events/test.yaml: joint-sea-2021: sources.2.id: duplicate source id "cmo"',
        'data/events/test.yaml: joint-sea-2021: location.source: the place needs a `source`',
        'data/events/test.yaml: joint-sea-2021: partners.0.source: each partner needs a `source` (`article` when the article names it)',
      ]);
    });

    it('keeps an alternative date with its source and note', () => {
      const { dataset, problems } = build({
        ...goodEvent,
        date: {
          ...goodEvent.date,
          alternatives: [
            { start: '2021-10', precision: 'month', source: 'article', note: 'The article says October.' },
          ],
        },
      });
      expect(problems).toEqual([]);
      expect(dataset?.events[0]?.date.alternatives).toEqual([
        {
          start: '2021-10-01',
          end: '2021-10-31',
          precision: 'month',
          source: 'article',
          note: 'The article says October.',
        },
      ]);
    });

    it('draws a placeless event at its partners, but refuses one with neither place nor partner', () => {
      expect(messages({ ...goodEvent, location: undefined })).toEqual([]);
      expect(messages({ ...goodEvent, location: undefined, partners: [] })).toEqual([
        'data/events/test.yaml: joint-sea-2021: location: an event with no place is drawn at its partners, and this one has none: give a place',
      ]);
    });
  });
});
