import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../gazetteer/geocoder.ts';
import { defaultLexicon } from './default-lexicon.ts';
import { findMentions } from './find-mentions.ts';
import type { Lexicon } from './lexicon.ts';
import { lexiconFromGeocoder } from './lexicon.ts';
import { evidenceOf, normaliseSource } from './source-text.ts';

function scan(original: string, lexicon: Lexicon = defaultLexicon()) {
  const source = normaliseSource(original);
  const findings = findMentions(source.text, { start: 0, end: source.text.length }, lexicon);
  return findings.map((finding) => ({ ...finding, ...evidenceOf(source, finding.span) }));
}

const countries = (findings: ReturnType<typeof scan>) =>
  findings.flatMap((f) => (f.type === 'country' ? [[f.iso3, f.quote]] : []));

describe('findMentions: countries', () => {
  it('takes the longest name: the Guinea family and the Congos in one sentence', () => {
    const found = scan(
      'Vaccines went to Guinea, Equatorial Guinea, Guinea-Bissau, Papua New Guinea, the Republic of the Congo, ' +
        'the Democratic Republic of the Congo, DR Congo, Congo-Brazzaville and Congo.',
    );
    expect(countries(found)).toEqual([
      ['GIN', 'Guinea'],
      ['GNQ', 'Equatorial Guinea'],
      ['GNB', 'Guinea-Bissau'],
      ['PNG', 'Papua New Guinea'],
      ['COG', 'Republic of the Congo'],
      ['COD', 'Democratic Republic of the Congo'],
      ['COD', 'DR Congo'],
      ['COG', 'Congo-Brazzaville'],
    ]);
    // bare "Congo" is never guessed
    expect(found.filter((f) => f.type === 'ambiguous')).toEqual([
      expect.objectContaining({ quote: 'Congo', candidates: ['COG', 'COD'] }),
    ]);
  });

  it('reads every item of a list joined by commas and "and", with or without a serial comma', () => {
    expect(
      countries(scan('Wei Fenghe visited Vietnam, Bangladesh, Sri Lanka and Tajikistan.')).map(
        ([iso3]) => iso3,
      ),
    ).toEqual(['VNM', 'BGD', 'LKA', 'TJK']);
    expect(
      countries(scan('Pakistan, Cambodia, and the Philippines received vaccines.')).map(([iso3]) => iso3),
    ).toEqual(['PAK', 'KHM', 'PHL']);
  });

  it('finds nothing in a sentence that names no country', () => {
    expect(scan('The exercise ended with a closing ceremony and a parade.')).toEqual([]);
    expect(scan('This year marks the 100th anniversary of the founding of the party.')).toEqual([]);
  });

  it('finds a name split across a line break, quoting the words as written', () => {
    const text = 'Donations reached Equatorial\nGuinea and Sierra\r\n   Leone.';
    expect(countries(scan(text))).toEqual([
      ['GNQ', 'Equatorial\nGuinea'],
      ['SLE', 'Sierra\r\n   Leone'],
    ]);
    const [first] = scan(text);
    expect(text.slice(first?.start, first?.end)).toBe('Equatorial\nGuinea');
  });

  it('reads names through curly quotes, non-breaking spaces, diacritics and possessives', () => {
    expect(countries(scan('China’s partners: Sri\u00A0Lanka, Côte d’Ivoire and Türkiye’s navy.'))).toEqual([
      ['LKA', 'Sri\u00A0Lanka'],
      ['CIV', 'Côte d’Ivoire'],
      ['TUR', 'Türkiye'],
    ]);
  });

  it('never makes China, the host, a partner', () => {
    expect(scan('China and the People’s Republic of China hosted Chinese troops.')).toEqual([]);
  });

  it('takes short codes only in capitals: "US" is the United States, "us" is not', () => {
    expect(countries(scan('The US and UK sent observers; several of us went too.'))).toEqual([
      ['USA', 'US'],
      ['GBR', 'UK'],
    ]);
  });
});

describe('findMentions: organisations', () => {
  it('expands nothing itself but finds each organisation once, the longest name first', () => {
    const found = scan(
      "He attended the 8th ASEAN Defense Ministers' Meeting-Plus, a China-ASEAN meeting and the meeting of the " +
        'Shanghai Cooperation Organization (SCO) Member States, and spoke at the U.N. and the UN.',
    );
    expect(
      found.filter((f) => f.type === 'organisation').map((f) => [f.type === 'organisation' && f.id, f.quote]),
    ).toEqual([
      ['ADMM-Plus', "ASEAN Defense Ministers' Meeting-Plus"],
      ['ASEAN', 'ASEAN'],
      ['SCO', 'Shanghai Cooperation Organization'],
      ['SCO', 'SCO'],
      ['UN', 'U.N.'],
      ['UN', 'UN'],
    ]);
    expect(countries(found)).toEqual([]);
  });

  it('does not read a country or a demonym inside an organisation name', () => {
    // a gazetteer of its own: organisations whose names hold a country and a demonym
    const geocoder = createGeocoder({
      countries: [
        { iso3: 'GIN', names: ['Guinea'] },
        { iso3: 'AGO', names: ['Angola'] },
        { iso3: 'PRT', names: ['Portugal'] },
      ],
      aliases: {},
      ambiguous: {},
      display: {},
      demonyms: { Portuguese: 'PRT' },
      organisations: [
        { id: 'GGC', name: 'Gulf of Guinea Commission', members: [{ iso3: 'AGO', since: '2001-07-03' }] },
        {
          id: 'CPLP',
          name: 'Community of Portuguese Language Countries',
          members: [{ iso3: 'PRT', since: '1996-07-17' }],
        },
      ],
    });
    const found = scan(
      'The Gulf of Guinea Commission and the Community of Portuguese Language Countries met; Guinea sent Portuguese-speaking officers.',
      lexiconFromGeocoder(geocoder, []),
    );
    expect(found.map((f) => [f.type, f.quote])).toEqual([
      ['organisation', 'Gulf of Guinea Commission'],
      ['organisation', 'Community of Portuguese Language Countries'],
      ['country', 'Guinea'],
      ['demonym', 'Portuguese'],
    ]);
  });
});

describe('findMentions: demonyms and unnamed partners', () => {
  it('takes a demonym as a country only before a word for its forces', () => {
    const found = scan(
      'The Russian military, the Indonesian submarine and the Chinese and Pakistani air forces met the Russian President.',
    );
    expect(countries(found)).toEqual([
      ['RUS', 'Russian military'],
      ['IDN', 'Indonesian submarine'],
      ['PAK', 'Pakistani air forces'],
    ]);
    expect(found.filter((f) => f.type === 'demonym').map((f) => f.quote)).toEqual(['Russian']);
  });

  it('reports an ambiguous demonym with its candidates', () => {
    expect(scan('Congolese troops joined.')).toEqual([
      expect.objectContaining({ type: 'ambiguous', quote: 'Congolese', candidates: ['COG', 'COD'] }),
    ]);
  });

  it('flags "the two navies" and "many countries" without guessing who they are', () => {
    const found = scan(
      'Besides, the two navies held an exercise, and both sides thanked many countries and other neighboring countries.',
    );
    expect(found.map((f) => [f.type, f.quote])).toEqual([
      ['collective', 'the two navies'],
      ['collective', 'both sides'],
      ['vague', 'many countries'],
      ['vague', 'other neighboring countries'],
    ]);
  });
});
