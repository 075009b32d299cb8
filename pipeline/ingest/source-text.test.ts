import { describe, expect, it } from 'vitest';
import { evidenceOf, normaliseSource, tokenise } from './source-text.ts';

describe('normaliseSource', () => {
  it('folds typographic characters and maps every span back to the original words', () => {
    const original = '“China’s” Sea–2021\u00A0in Côte d’Ivoire,\r\nthen\u00ADce… ﬁne';
    const source = normaliseSource(original);
    expect(source.text).toBe('"China\'s" Sea-2021 in Cote d\'Ivoire,\nthence... fine');
    const at = (words: string) => {
      const start = source.text.indexOf(words);
      return evidenceOf(source, { start, end: start + words.length });
    };
    expect(at("Cote d'Ivoire")).toEqual({ quote: 'Côte d’Ivoire', start: 22, end: 35 });
    expect(at('Sea-2021 in')).toMatchObject({ quote: 'Sea–2021\u00A0in' });
    expect(at(',\nthence')).toMatchObject({ quote: ',\r\nthen\u00ADce' });
    expect(at('... fine')).toMatchObject({ quote: '… ﬁne' });
    for (const words of ['"China\'s"', 'Sea-2021', 'thence']) {
      const { quote, start, end } = at(words);
      expect(original.slice(start, end)).toBe(quote);
    }
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    const source = normaliseSource('𝐀 Nepal');
    const start = source.text.indexOf('Nepal');
    expect(evidenceOf(source, { start, end: start + 5 })).toEqual({ quote: 'Nepal', start: 3, end: 8 });
  });
});

describe('tokenise', () => {
  it('splits possessives, keeps abbreviations and reads & and + as words', () => {
    const { text } = normaliseSource("China's U.N. ADMM+ Trinidad & Tobago People's Ministers' d'Ivoire");
    expect(tokenise(text).map((t) => t.key)).toEqual([
      'china',
      "'s",
      'un',
      'admm',
      'plus',
      'trinidad',
      'and',
      'tobago',
      'people',
      "'s",
      'ministers',
      "d'ivoire",
    ]);
  });
});
