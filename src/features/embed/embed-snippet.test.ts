import { describe, expect, it } from 'vitest';
import {
  EMBED_SANDBOX,
  EMBED_START_HEIGHT,
  embedSnippet,
  embedSrc,
  fullMapHref,
  loaderSrc,
} from './embed-snippet.ts';

const base = 'https://maps.example.org/atlas/';

describe('embedSrc', () => {
  it('puts mode=embed first, then the view, and keeps the data set', () => {
    expect(embedSrc(`${base}?kind=exercise&event=zapad-2021&data=synthetic-5000`, base)).toBe(
      `${base}?mode=embed&kind=exercise&event=zapad-2021&data=synthetic-5000`,
    );
  });

  it('is the bare embed for the default view', () => {
    expect(embedSrc(base, base)).toBe(`${base}?mode=embed`);
  });

  it("drops another surface's parameters and the hash", () => {
    expect(embedSrc(`${base}?mode=present&step=3&theme=2#x`, base)).toBe(`${base}?mode=embed&theme=2`);
  });
});

describe('fullMapHref', () => {
  it('is the same view without mode=embed', () => {
    expect(fullMapHref(`${base}?mode=embed&from=2021-03-01&country=RUS`)).toBe(
      `${base}?from=2021-03-01&country=RUS`,
    );
    expect(fullMapHref(`${base}?mode=embed`)).toBe(base);
  });
});

describe('embedSnippet', () => {
  it('is the iframe and the loader script, with absolute URLs', () => {
    const snippet = embedSnippet(`${base}?kind=exercise,patrol`, base, 'Cooperation in 2022');
    const [iframe, script] = snippet.split('\n');
    expect(iframe).toBe(
      `<iframe data-cooperation-atlas src="${base}?mode=embed&amp;kind=exercise%2Cpatrol" title="Cooperation Atlas: Cooperation in 2022" ` +
        `width="100%" height="${EMBED_START_HEIGHT}" style="border:0;width:100%;max-width:100%" loading="lazy" ` +
        `allow="fullscreen" sandbox="${EMBED_SANDBOX}"></iframe>`,
    );
    expect(script).toBe(`<script src="${loaderSrc(base)}" async></script>`);
    expect(loaderSrc(base)).toBe('https://maps.example.org/atlas/embed.js');
  });

  it('cannot be broken out of by a search query', () => {
    const snippet = embedSnippet(`${base}?q=${encodeURIComponent('"><script>alert(1)</script>')}`, base, 'T');
    expect(snippet).not.toContain('<script>alert');
    // Nine attribute values, each in one pair of quotes; four tags: nothing was added.
    expect(snippet.match(/"/g)?.length).toBe(2 * 9);
    expect(snippet.match(/</g)?.length).toBe(4);
    expect(snippet).toContain('q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E');
  });
});
