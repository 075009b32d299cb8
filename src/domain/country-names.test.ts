import { describe, expect, it } from 'vitest';
import { alpha2Of, countryName, countrySearchNames } from './country-names.ts';

describe('country names', () => {
  it('maps the dataset’s alpha-3 codes to the alpha-2 codes CLDR knows', () => {
    expect(alpha2Of('RUS')).toBe('RU');
    expect(alpha2Of('MKD')).toBe('MK');
    expect(alpha2Of('XKX')).toBe('XK');
    expect(alpha2Of('ZZZ')).toBeUndefined();
  });

  it('names countries in Simplified Chinese from CLDR', () => {
    expect(countryName('RUS', 'zh')).toBe('俄罗斯');
    expect(countryName('MKD', 'zh')).toBe('北马其顿');
    expect(countryName('COG', 'zh')).not.toBe(countryName('COD', 'zh'));
  });

  it('names countries in English from CLDR', () => {
    expect(countryName('RUS', 'en')).toBe('Russia');
    expect(countryName('MKD', 'en')).toBe('North Macedonia');
  });

  it('falls back to the dataset’s name for a code CLDR does not know', () => {
    expect(countryName('ZZZ', 'zh', 'Nowhere')).toBe('Nowhere');
    expect(countryName('ZZZ', 'zh')).toBeUndefined();
  });

  it('gives each name a country is searched by once', () => {
    expect(countrySearchNames('RUS', 'Russia')).toEqual(['Russia', '俄罗斯']);
    expect(countrySearchNames('COG', 'Republic of the Congo')).toContain('刚果（布）');
  });
});
