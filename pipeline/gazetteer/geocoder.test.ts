import { describe, expect, it } from 'vitest';
import type { GazetteerTables } from './geocoder.ts';
import { createGeocoder, normaliseName } from './geocoder.ts';
import { defaultGeocoder, loadGazetteer } from './load-gazetteer.ts';

const geocoder = defaultGeocoder();
const iso3Of = (name: string) => {
  const result = geocoder.resolve(name);
  return result.status === 'ok' ? result.iso3 : result.status;
};

describe('the alias table', () => {
  it.each([
    ['Northern Macedonia', 'MKD'],
    ['North Macedonia', 'MKD'],
    ['Republic of Congo', 'COG'],
    ['Republic of the Congo', 'COG'],
    ['Congo-Brazzaville', 'COG'],
    ['Congo (Brazzaville)', 'COG'],
    ['Democratic Republic of the Congo', 'COD'],
    ['DR Congo', 'COD'],
    ['DRC', 'COD'],
    ['Congo-Kinshasa', 'COD'],
    ['South Korea', 'KOR'],
    ['Republic of Korea', 'KOR'],
    ['ROK', 'KOR'],
    ['North Korea', 'PRK'],
    ['DPRK', 'PRK'],
    ['Laos', 'LAO'],
    ['Viet Nam', 'VNM'],
    ['Burma', 'MMR'],
    ['Swaziland', 'SWZ'],
    ['East Timor', 'TLS'],
    ['Kosovo', 'XKX'],
    ['Cabo Verde', 'CPV'],
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['the Philippines', 'PHL'],
    ['the United States', 'USA'],
    ['USA', 'USA'],
    ['the UK', 'GBR'],
    ['the Netherlands', 'NLD'],
    ['the Gambia', 'GMB'],
    ['Sudan', 'SDN'],
    ['South Sudan', 'SSD'],
    ['Niger', 'NER'],
    ['Nigeria', 'NGA'],
    ['Dominica', 'DMA'],
    ['Dominican Republic', 'DOM'],
  ])('%s → %s', (name, iso3) => {
    expect(iso3Of(name)).toBe(iso3);
  });

  it('never resolves a Republic of the Congo name to the DR Congo', () => {
    for (const name of [
      'Republic of Congo',
      'Republic of the Congo',
      'Congo-Brazzaville',
      'Congo Republic',
    ]) {
      expect(geocoder.resolve(name)).toMatchObject({ status: 'ok', iso3: 'COG' });
    }
  });

  it('answers with the preferred display name', () => {
    expect(geocoder.resolve('Russian Federation')).toEqual({
      input: 'Russian Federation',
      status: 'ok',
      iso3: 'RUS',
      name: 'Russia',
    });
    expect(geocoder.countryName('COG')).toBe('Republic of the Congo');
    expect(geocoder.countryName('COD')).toBe('DR Congo');
    expect(geocoder.countryName('LAO')).toBe('Laos');
    expect(geocoder.countryName('XKX')).toBe('Kosovo');
    expect(geocoder.countryName('ZZZ')).toBeUndefined();
  });
});

describe('the Guinea family', () => {
  const family = [
    ['Guinea', 'GIN'],
    ['Equatorial Guinea', 'GNQ'],
    ['Guinea-Bissau', 'GNB'],
    ['Papua New Guinea', 'PNG'],
  ] as const;

  it.each(family)('%s resolves to its own code %s', (name, iso3) => {
    expect(geocoder.resolve(name)).toMatchObject({ status: 'ok', iso3 });
  });

  it('has no two members resolving alike', () => {
    expect(new Set(family.map(([name]) => iso3Of(name))).size).toBe(family.length);
  });
});

describe('ambiguous names', () => {
  it('leaves bare "Congo" to the caller', () => {
    expect(geocoder.resolve('Congo')).toEqual({
      input: 'Congo',
      status: 'ambiguous',
      candidates: ['COG', 'COD'],
    });
  });

  it('leaves bare "Korea" to the caller', () => {
    expect(geocoder.resolve('the Korea')).toMatchObject({ status: 'ambiguous', candidates: ['KOR', 'PRK'] });
  });
});

describe('organisations', () => {
  it('gives the SCO 8 members before Iran and Belarus joined', () => {
    const result = geocoder.resolve('SCO', { date: '2021-07-28' });
    expect(result).toEqual({
      input: 'SCO',
      status: 'group',
      group: 'SCO',
      members: ['CHN', 'IND', 'KAZ', 'KGZ', 'PAK', 'RUS', 'TJK', 'UZB'],
      date: '2021-07-28',
    });
  });

  it('adds Iran and Belarus to the SCO by 2024-08-01', () => {
    const members = geocoder.membersOf('Shanghai Cooperation Organization', '2024-08-01');
    expect(members).toHaveLength(10);
    expect(members).toEqual(expect.arrayContaining(['IRN', 'BLR']));
  });

  it('counts membership from the joining day', () => {
    expect(geocoder.membersOf('SCO', '2023-07-03')).not.toContain('IRN');
    expect(geocoder.membersOf('SCO', '2023-07-04')).toContain('IRN');
  });

  it('gives ASEAN 10 members in 2021 and Timor-Leste as the 11th from 2025-10-26', () => {
    expect(geocoder.membersOf('Association of Southeast Asian Nations', '2021-06-01')).toHaveLength(10);
    expect(geocoder.membersOf('ASEAN', '2021-06-01')).not.toContain('TLS');
    expect(geocoder.membersOf('ASEAN', '2025-10-26')).toContain('TLS');
    expect(geocoder.membersOf('ASEAN', '1990-01-01')).toEqual(['BRN', 'IDN', 'MYS', 'PHL', 'SGP', 'THA']);
  });

  it('gives the ADMM-Plus the ASEAN members plus eight partners', () => {
    const members = geocoder.membersOf("ASEAN Defense Ministers' Meeting-Plus", '2021-06-01');
    expect(members).toHaveLength(18);
    expect(members).toEqual(expect.arrayContaining(['CHN', 'RUS', 'USA', 'VNM', 'KHM']));
    expect(geocoder.membersOf('ADMM Plus', '2009-01-01')).toEqual([]);
  });

  it('recognises the UN without enumerating its members', () => {
    const result = geocoder.resolve('United Nations', { date: '2021-06-01' });
    expect(result).toMatchObject({ status: 'group', group: 'UN', members: [] });
    expect(result.status === 'group' && result.note).toBeTruthy();
  });

  it('knows nothing of unlisted organisations', () => {
    expect(geocoder.membersOf('NATO', '2021-06-01')).toBeUndefined();
    expect(geocoder.membersOf('Russia', '2021-06-01')).toBeUndefined();
  });

  it('rejects a malformed date', () => {
    expect(() => geocoder.resolve('SCO', { date: '2021-02-30' })).toThrow(RangeError);
    expect(() => geocoder.membersOf('SCO', '28/07/2021')).toThrow(RangeError);
  });
});

describe('ISO codes as input', () => {
  it.each([
    ['RUS', 'RUS'],
    ['RU', 'RUS'],
    ['GNB', 'GNB'],
    ['XK', 'XKX'],
    ['XKX', 'XKX'],
  ])('%s → %s', (code, iso3) => {
    expect(geocoder.resolve(code)).toMatchObject({ status: 'ok', iso3 });
  });

  it('takes only capitals as codes, since "in" or "no" are words', () => {
    expect(geocoder.resolve('in').status).toBe('unknown');
    expect(geocoder.resolve('rus').status).toBe('unknown');
  });
});

describe('unknown names', () => {
  it('suggests close names without resolving to them', () => {
    const result = geocoder.resolve('Columbia');
    expect(result).toEqual({ input: 'Columbia', status: 'unknown', suggestions: ['Colombia'] });
  });

  it('never resolves a demonym or a part of a name', () => {
    for (const name of ['Russian', 'Guinean', 'New Guinea', 'Bissau', 'Macedonian', 'Atlantis']) {
      expect(geocoder.resolve(name).status).toBe('unknown');
    }
  });
});

describe('normalisation', () => {
  it.each([
    ['Côte d’Ivoire', 'CIV'],
    ["Cote d'Ivoire", 'CIV'],
    ['CÔTE D’IVOIRE', 'CIV'],
    ['Ivory Coast', 'CIV'],
    ['  São   Tomé and Príncipe ', 'STP'],
    ['Trinidad & Tobago', 'TTO'],
    ['Turkiye', 'TUR'],
    ['U.S.', 'USA'],
    ['D.P.R.K.', 'PRK'],
    ['Congo Brazzaville', 'COG'],
    ['Democratic People’s Republic of Korea', 'PRK'],
  ])('%s → %s', (name, iso3) => {
    expect(iso3Of(name)).toBe(iso3);
  });

  it('keeps the input as written', () => {
    expect(geocoder.resolve('  the Philippines ')).toMatchObject({
      input: '  the Philippines ',
      iso3: 'PHL',
    });
  });

  it('folds case, marks, curly apostrophes and a leading "the"', () => {
    expect(normaliseName('The  Côte d’Ivoire')).toBe("cote d'ivoire");
  });
});

describe('name lists for the text-ingest tool', () => {
  it('lists country names longest first, without ambiguous names or demonyms', () => {
    const names = geocoder.names();
    const lengths = names.map(({ name }) => name.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(names).toContainEqual({ name: 'Northern Macedonia', iso3: 'MKD' });
    expect(names).toContainEqual({ name: 'Guinea', iso3: 'GIN' });
    expect(names.map(({ name }) => name)).not.toContain('Congo');
    expect(names.map(({ name }) => name)).not.toContain('Russian');
  });

  it('lists demonyms, ambiguous ones with candidates', () => {
    const demonyms = geocoder.demonyms();
    expect(demonyms).toContainEqual({ name: 'Russian', iso3: 'RUS' });
    expect(demonyms).toContainEqual({ name: 'Laotian', iso3: 'LAO' });
    expect(demonyms).toContainEqual({ name: 'Korean', iso3: null, candidates: ['KOR', 'PRK'] });
  });

  it('lists organisation names with their ids', () => {
    expect(geocoder.organisations()).toContainEqual({ name: 'Shanghai Cooperation Organisation', id: 'SCO' });
    expect(geocoder.organisations()).toContainEqual({ name: 'ADMM-Plus', id: 'ADMM-Plus' });
  });
});

describe('loadGazetteer', () => {
  it('gives Kosovo XKX, not the XKK of i18n-iso-countries', () => {
    const codes = loadGazetteer().countries.map((country) => country.iso3);
    expect(codes).toContain('XKX');
    expect(codes).not.toContain('XKK');
  });
});

describe('createGeocoder with small tables', () => {
  const tables: GazetteerTables = {
    countries: [
      { iso3: 'COG', iso2: 'CG', names: ['Republic of the Congo', 'Congo'] },
      { iso3: 'COD', iso2: 'CD', names: ['Democratic Republic of the Congo', 'Congo'] },
      { iso3: 'KOR', iso2: 'KR', names: ['Korea'] },
      { iso3: 'PRK', iso2: 'KP', names: ['North Korea'] },
    ],
    aliases: { 'Congo-Brazzaville': 'COG' },
    ambiguous: { Korea: ['KOR', 'PRK'] },
    display: { COD: 'DR Congo' },
    demonyms: { Congolese: ['COG', 'COD'] },
    organisations: [
      {
        id: 'G2',
        name: 'Group of Two',
        members: [{ iso3: 'COG', since: '2000-01-01', until: '2010-01-01' }],
      },
    ],
  };

  it('treats an ISO name shared by two countries as ambiguous', () => {
    expect(createGeocoder(tables).resolve('Congo')).toMatchObject({
      status: 'ambiguous',
      candidates: ['COG', 'COD'],
    });
  });

  it('lets the alias table beat an ISO name', () => {
    expect(createGeocoder(tables).resolve('Korea')).toMatchObject({ status: 'ambiguous' });
  });

  it('ends membership the day before `until`', () => {
    const geocoder = createGeocoder(tables);
    expect(geocoder.membersOf('Group of Two', '2009-12-31')).toEqual(['COG']);
    expect(geocoder.membersOf('G2', '2010-01-01')).toEqual([]);
  });

  it('refuses tables that contradict themselves', () => {
    expect(() => createGeocoder({ ...tables, aliases: { Congo: 'XXX' } })).toThrow(/unknown iso3 "XXX"/);
    expect(() => createGeocoder({ ...tables, aliases: { Korea: 'KOR' } })).toThrow(/clashes/);
    expect(() => createGeocoder({ ...tables, ambiguous: { Korea: ['KOR'] } })).toThrow(/two or more/);
  });
});
