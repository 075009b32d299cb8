import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDataset, formatProblem } from '../build-dataset.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';
import { countryPoints } from './country-points.ts';
import { defaultLexicon } from './default-lexicon.ts';
import type { Draft, DraftEvent } from './draft.ts';
import { draftToYaml } from './draft-yaml.ts';
import type { IngestOptions } from './ingest-article.ts';
import { ingestArticle } from './ingest-article.ts';

const fixture = readFileSync(new URL('./fixtures/small-article.txt', import.meta.url), 'utf8');
const repoFile = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const points = countryPoints();

function ingest(text: string, options: Partial<IngestOptions> = {}): Draft {
  const outcome = ingestArticle(text, defaultLexicon(), defaultGeocoder(), {
    file: 'test.txt',
    encoding: 'UTF-8',
    points,
    ...options,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.draft;
}

const article = (...paragraphs: string[]) => `A test article of 2021\n\n${paragraphs.join('\n\n')}\n`;
const partnersOf = (event: DraftEvent | undefined) =>
  event?.partners.map((p) => ('organisation' in p ? p.organisation : p.name));

/** Every quote an event's evidence holds, with its offsets. */
function quotes(event: DraftEvent): Array<{ quote: string; start: number; end: number }> {
  return Object.values(event.evidence).flatMap((value) => (Array.isArray(value) ? value : [value]));
}

describe('ingestArticle on a small article', () => {
  const draft = ingest(fixture, { url: 'https://example.org/test-article' });

  it('drafts one event per clause naming a partner, a count or a named event, under its heading', () => {
    expect(draft.events.map((e) => [e.id, e.theme, e.kind, e.format])).toEqual([
      ['draft-sea-guardian-2022', 1, 'exercise', 'in-person'],
      ['draft-exercises-sea-2', 1, 'patrol', 'in-person'],
      ['draft-donations-1', 2, 'aid', 'in-person'],
      ['draft-9th-asean-defence-ministers-meeting-plus', 3, 'meeting', 'online'],
      ['draft-meetings-2', 3, 'meeting', 'in-person'],
      ['draft-meetings-3', 3, 'forum', 'in-person'],
    ]);
    expect(draft.article).toEqual({
      title: 'Test highlights of military cooperation in 2022',
      url: 'https://example.org/test-article',
      published: '2022-12-30',
      themes: [
        { id: 1, title: 'Exercises at sea' },
        { id: 2, title: 'Donations' },
        { id: 3, title: 'Meetings' },
      ],
    });
    expect(draft.ingest.year).toBe(2022);
  });

  it('resolves dates against the year, across a month boundary', () => {
    expect(draft.events.map((e) => e.date)).toEqual([
      { start: '2022-03-30', end: '2022-04-03', precision: 'day', source: 'ingested-article' },
      { start: '2022', precision: 'year', source: 'ingested-article' },
      { start: '2022-06', precision: 'month', source: 'ingested-article' },
      { start: '2022-11-23', precision: 'day', source: 'ingested-article' },
      { start: '2022-11-23', precision: 'day', source: 'ingested-article' },
      { start: '2022', precision: 'year', source: 'ingested-article' },
    ]);
  });

  it('finds partners, organisations and counts, leaving "the two navies" unresolved', () => {
    const [sea, patrol, aid, admm, talks, seminar] = draft.events;
    expect(partnersOf(sea)).toEqual(['Pakistan']);
    expect(partnersOf(patrol)).toEqual([]);
    expect(patrol?.review).toContain(
      'partners: "the two navies" names no country (earlier in the paragraph: Pakistan); add the partners it means',
    );
    expect(partnersOf(aid)).toEqual(['Equatorial Guinea', 'Guinea-Bissau', 'Papua New Guinea']);
    // "more than 10 countries, including" three: the dataset counts only those beyond the named
    expect(aid?.unnamedPartners).toEqual({
      count: 8,
      approximate: true,
      qualifier: 'at least',
      source: 'ingested-article',
    });
    expect(aid?.evidence.counts).toEqual([
      expect.objectContaining({
        count: 10,
        approximate: true,
        qualifier: 'over',
        quote: 'more than 10 countries',
      }),
    ]);
    expect(admm?.partners).toEqual([
      {
        organisation: 'ADMM-Plus',
        mention: "ASEAN Defence Ministers' Meeting-Plus",
        source: 'ingested-article',
      },
    ]);
    expect(admm?.evidence.organisations?.[0]?.members).toHaveLength(17);
    expect(talks?.partners).toEqual([
      { name: 'Cambodia', mention: 'Cambodian', basis: 'named', source: 'ingested-article' },
    ]);
    expect(seminar?.unnamedPartners).toEqual({
      count: 12,
      approximate: false,
      region: 'Africa',
      source: 'ingested-article',
    });
  });

  it('quotes the exact words of the article for every value', () => {
    for (const event of draft.events) {
      for (const { quote, start, end } of quotes(event)) expect(fixture.slice(start, end)).toBe(quote);
    }
    const guinea = draft.events[2]?.evidence.partners?.[0];
    expect(guinea).toMatchObject({ name: 'Equatorial Guinea', iso3: 'GNQ', quote: 'Equatorial\nGuinea' });
  });

  it('leaves the summary to a person, so that an unreviewed draft fails validation', () => {
    const build = buildDataset(
      { path: 'data/article.yaml', content: parse(repoFile('data/article.yaml')) },
      [{ path: 'draft.yaml', content: parse(draftToYaml(draft)) }],
      defaultGeocoder(),
    );
    expect(build.dataset).toBeUndefined();
    const messages = build.problems.map(formatProblem);
    for (const event of draft.events) {
      expect(messages).toContain(
        `draft.yaml: ${event.id}: summary: Invalid input: expected string, received null`,
      );
    }
  });

  it('goes through `npm run data` with the 2021 dataset once a person fills the TODO fields', () => {
    const reviewed = parse(draftToYaml(draft)) as Draft;
    expect(JSON.parse(JSON.stringify(draft))).toEqual(reviewed);
    for (const event of reviewed.events) {
      event.summary = `Reviewed: ${event.title}.` as unknown as null;
      event.location ??= {
        name: 'Somewhere checked',
        kind: 'venue',
        lon: 10,
        lat: 10,
        source: 'ingested-article',
      };
    }
    const { dataset, problems } = buildDataset(
      { path: 'data/article.yaml', content: parse(repoFile('data/article.yaml')) },
      [
        { path: 'data/events/2021.yaml', content: parse(repoFile('data/events/2021.yaml')) },
        { path: 'draft.yaml', content: reviewed },
      ],
      defaultGeocoder(),
    );
    expect(problems.map(formatProblem)).toEqual([]);
    const drafted = dataset?.events.filter((e) => e.id.startsWith('draft-')) ?? [];
    expect(drafted).toHaveLength(draft.events.length);
    expect(drafted[0]?.sources).toEqual([
      { id: 'ingested-article', title: draft.article.title, url: 'https://example.org/test-article' },
    ]);
    expect(drafted[3]?.partners.every((p) => p.basis === 'member' && p.via === 'ADMM-Plus')).toBe(true);
  });
});

describe('ingestArticle: sentences and clauses', () => {
  it('drafts nothing from a sentence that names no partner, count or event', () => {
    expect(ingest(article('The ceremony ended with a parade. It rained in the afternoon.')).events).toEqual(
      [],
    );
  });

  it('splits a sentence listing several meetings into one event each, with its own organisation', () => {
    const draft = ingest(
      article(
        "Wei Fenghe attended the 12th China-ASEAN Defense Ministers' Informal Meeting, the 8th ASEAN Defense " +
          "Ministers' Meeting-Plus, the meeting of the Council of Ministers of Defense of Shanghai Cooperation " +
          'Organization (SCO) Member States, and the 4th UN Peacekeeping Ministerial Conference, and proposed an initiative.',
      ),
    );
    expect(draft.events.map((e) => [e.title, partnersOf(e)])).toEqual([
      ["12th China-ASEAN Defense Ministers' Informal Meeting", ['ASEAN']],
      ["8th ASEAN Defense Ministers' Meeting-Plus", ['ADMM-Plus']],
      [
        'Meeting of the Council of Ministers of Defense of Shanghai Cooperation Organization (SCO) Member States',
        ['SCO'],
      ],
      ['4th UN Peacekeeping Ministerial Conference', []],
    ]);
    // the UN is not expanded to 193 members: the reviewer names the countries
    expect(draft.events[3]?.review.some((r) => r.startsWith('partners: UN is not expanded'))).toBe(true);
  });

  it('splits clauses with their own partners, and keeps a list joined by "and" together', () => {
    const draft = ingest(
      article(
        'Wei Fenghe has visited Vietnam, Bangladesh, Sri Lanka, Tajikistan and other neighboring countries, and held ' +
          'video calls with the defense ministers of Singapore, Malaysia and Indonesia.',
      ),
    );
    expect(draft.events.map((e) => [e.kind, e.format, partnersOf(e)])).toEqual([
      ['visit', 'in-person', ['Vietnam', 'Bangladesh', 'Sri Lanka', 'Tajikistan']],
      ['call', 'online', ['Singapore', 'Malaysia', 'Indonesia']],
    ]);
  });

  it('never guesses who "the two navies" are, even right after a China–Russia sentence', () => {
    const draft = ingest(
      article(
        'Chinese and Russian troops held the Joint Sea-2021 exercise. Besides, the two navies held the first joint maritime patrol.',
      ),
    );
    expect(draft.events.map((e) => [e.title, partnersOf(e)])).toEqual([
      ['Joint Sea-2021', ['Russia']],
      ['Patrol: the two navies', []],
    ]);
    expect(draft.events[1]?.evidence.unresolved).toEqual([
      expect.objectContaining({
        quote: 'the two navies',
        what: 'partners meant but not named (earlier in the paragraph: Russia)',
      }),
    ]);
  });

  it('gives each event its own id, from the named exercise when there is one', () => {
    const draft = ingest(
      article(
        '1. Sea',
        'Russia joined Joint Sea-2021. Russian ships ended Joint Sea-2021 early. Pakistan sent a ship.',
      ),
    );
    expect(draft.events.map((e) => e.id)).toEqual([
      'draft-joint-sea-2021',
      'draft-joint-sea-2021-v2',
      'draft-sea-3',
    ]);
  });

  it('puts an ambiguous name in the draft, so that validation asks which country it is', () => {
    const [event] = ingest(article('Vaccines were donated to Congo and the Republic of the Congo.')).events;
    expect(event?.partners).toEqual([
      { name: 'Republic of the Congo', basis: 'named', source: 'ingested-article' },
      { name: 'Congo', basis: 'named', source: 'ingested-article' },
    ]);
    expect(event?.review).toContain(
      'partners: "Congo" is ambiguous: one of COG (Republic of the Congo), COD (DR Congo); write the one meant',
    );
  });
});

describe('ingestArticle: text as it comes', () => {
  it('reads curly quotes, non-breaking spaces, CRLF line breaks and names split across lines', () => {
    const text =
      'China’s year of 2021\r\n\r\n1. Exercises\r\n\r\nThe PLA held “Joint Sea–2021” with the Russian\r\nNavy and ' +
      'sent aid to Sri\u00A0Lanka and Equatorial\r\n  Guinea from August\u00A030 to September\u00A02.\r\n';
    const draft = ingest(text);
    const [exercise, aid] = draft.events;
    expect(exercise?.title).toBe('Joint Sea-2021');
    expect(exercise?.theme).toBe(1);
    expect(exercise?.evidence.partners?.map((p) => [p.iso3, p.quote])).toEqual([['RUS', 'Russian\r\nNavy']]);
    // "… and sent aid to …" is a clause of its own, with its own partners and date
    expect(aid?.kind).toBe('aid');
    expect(aid?.date).toEqual({
      start: '2021-08-30',
      end: '2021-09-02',
      precision: 'day',
      source: 'ingested-article',
    });
    expect(aid?.evidence.partners?.map((p) => [p.iso3, p.quote])).toEqual([
      ['LKA', 'Sri\u00A0Lanka'],
      ['GNQ', 'Equatorial\r\n  Guinea'],
    ]);
    for (const event of draft.events) {
      for (const { quote, start, end } of quotes(event)) expect(text.slice(start, end)).toBe(quote);
    }
  });

  it('asks for the year when neither the title nor a byline gives one', () => {
    const outcome = ingestArticle(
      'Cooperation highlights\n\nPakistan got vaccines.',
      defaultLexicon(),
      defaultGeocoder(),
      {
        file: 'x.txt',
        encoding: 'UTF-8',
        points,
      },
    );
    expect(outcome).toEqual({
      ok: false,
      message: 'cannot tell which year the article is about: pass --year YYYY',
    });
    const draft = ingest('Cooperation highlights\n\nPakistan got vaccines on May 3.', { year: 2019 });
    expect(draft.events[0]?.date).toEqual({
      start: '2019-05-03',
      precision: 'day',
      source: 'ingested-article',
    });
  });

  it('reads 1 MB of text in time that grows linearly with its length', () => {
    const paragraph = fixture.split('\n\n').slice(3).join('\n\n');
    const article = (bytes: number) =>
      `Test highlights of 2022\n\n${Array.from({ length: Math.ceil(bytes / paragraph.length) }, () => paragraph).join('\n\n')}`;
    // CPU time, not wall time: other test files run beside this one. A machine busy with other
    // work slows both runs alike, so the ratio is what is checked; a quadratic step would make
    // eight times the text cost sixty-four times the time.
    const cpuMs = (text: string) => {
      const before = process.cpuUsage();
      const draft = ingest(text);
      const used = process.cpuUsage(before);
      return { events: draft.events.length, ms: (used.user + used.system) / 1000 };
    };
    cpuMs(article(65_536)); // warm up the JIT, so the small run is not charged for compiling
    const small = cpuMs(article(131_072));
    const big = article(1_048_576);
    expect(big.length).toBeGreaterThan(1_048_576);
    const large = cpuMs(big);
    expect(large.events).toBeGreaterThan(5000);
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(20);
    expect(large.ms).toBeLessThan(15_000);
  });
});
