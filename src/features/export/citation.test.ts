import { describe, expect, it } from 'vitest';
import type { CitationInput } from './citation.ts';
import { apaCitation, bibtexCitation, bibtexEscape, chicagoCitation, localIsoDate } from './citation.ts';

const input: CitationInput = {
  title: "China's international military cooperation in 2021",
  view: '12 of 34 events · Exercise · 1 Aug – 30 Sep 2021',
  url: 'https://maps.example.org/atlas/?kind=exercise&from=2021-08-01&to=2021-09-30',
  accessed: '2026-11-30',
  source: {
    title: "Highlights of China's international military cooperation in 2021",
    url: 'http://eng.chinamil.com.cn/view/2021-12/23/content_10117809.htm',
    published: '2021-12-23',
  },
};

describe('citations of a view', () => {
  it('APA names the atlas, the view, the source article, the access date and the link', () => {
    expect(apaCitation(input)).toBe(
      "Cooperation Atlas. (n.d.). China's international military cooperation in 2021 [Interactive map and dataset; view: 12 of 34 events · Exercise · 1 Aug – 30 Sep 2021]. " +
        "Data from China Military Online, “Highlights of China's international military cooperation in 2021.” (2021, December 23), http://eng.chinamil.com.cn/view/2021-12/23/content_10117809.htm. " +
        'Retrieved November 30, 2026, from https://maps.example.org/atlas/?kind=exercise&from=2021-08-01&to=2021-09-30',
    );
  });

  it('Chicago ends with the access date and the link', () => {
    const text = chicagoCitation(input);
    expect(text).toContain('China Military Online, December 23, 2021');
    expect(text.endsWith(`Accessed November 30, 2026. ${input.url}.`)).toBe(true);
  });

  it('BibTeX escapes TeX specials and keeps the link and access date', () => {
    const text = bibtexCitation({ ...input, title: '50% & $5_{x}#~^\\' }, 'cooperation-atlas-2021-exercise');
    expect(text.startsWith('@online{cooperation-atlas-2021-exercise,\n')).toBe(true);
    expect(text).toContain(
      'title = {{50\\% \\& \\$5\\_\\{x\\}\\#\\textasciitilde{}\\textasciicircum{}\\textbackslash{}}}',
    );
    expect(text).toContain(`url = {${input.url}}`);
    expect(text).toContain('urldate = {2026-11-30}');
    expect(text.endsWith('\n}')).toBe(true);
  });

  it('bibtexEscape keeps a field on one line', () => {
    expect(bibtexEscape('a\nb')).toBe('a b');
  });

  it('the access date is the local calendar day', () => {
    expect(localIsoDate(new Date(2026, 10, 30, 23, 59))).toBe('2026-11-30');
  });
});
