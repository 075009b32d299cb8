// The Chinese font subset built by `npm run data` (public/fonts/), for the interface's text; the
// map declares the same file for its labels (src/map/atlas-map.ts). Added only when the atlas
// speaks Chinese, and declared for the CJK ranges only, so English readers never fetch it and a
// Chinese reader fetches it once, on the first Chinese character drawn.

export const CHINESE_FONT_FILE = 'fonts/noto-sans-sc-subset.woff2';
/** CJK punctuation, ideographs and full-width forms: the text the subset was cut for. */
export const CHINESE_UNICODE_RANGE = ['U+3000-303F', 'U+4E00-9FFF', 'U+FF00-FFEF'] as const;

let added = false;

export function addChineseFontForText(baseUrl: string): void {
  if (added || typeof FontFace === 'undefined' || !document.fonts) return;
  added = true;
  // Declared as more faces of the interface's own family, so no stylesheet has to name it: one
  // per weight the stylesheets use, since a browser picks a weight's faces before their ranges
  // (a 100-900 range would lose to the Latin 400 face and leave Chinese to a system font). The
  // subset has only the regular weight: both faces are the one file, fetched once.
  for (const weight of ['400', '600']) {
    const face = new FontFace('Noto Sans', `url("${baseUrl}${CHINESE_FONT_FILE}") format("woff2")`, {
      unicodeRange: CHINESE_UNICODE_RANGE.join(', '),
      weight,
      display: 'swap',
    });
    document.fonts.add(face);
  }
}
