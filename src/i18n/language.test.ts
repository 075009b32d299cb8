import { describe, expect, it } from 'vitest';
import { browserLanguage, localeTag, startLanguage } from './language.ts';

describe('the language a page opens in', () => {
  it('follows the URL first', () => {
    expect(startLanguage('?lang=zh', ['en-GB'])).toBe('zh');
    expect(startLanguage('?lang=en', ['zh-CN'])).toBe('en');
  });

  it('falls back to English for a language the atlas lacks, whatever the browser says', () => {
    expect(startLanguage('?lang=fr', ['zh-CN'])).toBe('en');
  });

  it('else follows the browser, any Chinese giving the atlas Simplified Chinese', () => {
    expect(startLanguage('', ['zh-TW', 'en'])).toBe('zh');
    expect(startLanguage('?lang=', ['fr-FR', 'zh-Hans-CN'])).toBe('zh');
    expect(browserLanguage(['fr', 'de'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('tags Chinese as Simplified for <html lang> and Intl', () => {
    expect(localeTag('zh')).toBe('zh-Hans');
    expect(localeTag('en')).toBe('en');
  });
});
