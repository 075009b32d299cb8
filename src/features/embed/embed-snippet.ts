// The embed's URLs and the HTML an embedder pastes, derived from the view's URL: the same state
// that writes the explorer's address writes the snippet.

/** The iframe's accessible title; `title` is the atlas's own (coverageTitle), which names its years. */
export const embedTitle = (title: string) => `Cooperation Atlas: ${title}`;
/** The iframe's height before the loader script sets the real one: about a 640 px wide embed. */
export const EMBED_START_HEIGHT = 620;
/**
 * What the embed needs: scripts and its own origin (it fetches its data), popups for "Open full
 * map" and the source links, which escape the sandbox so those pages work normally, and
 * downloads for its Download dialog (a sandboxed frame cannot save a file without it).
 */
export const EMBED_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';

/** `downloads=0` in the embed's URL hides its Download button: the host's choice, not the view's. */
export const DOWNLOADS_PARAM = 'downloads';

/** Whether the embed offers downloads: unless its URL says `downloads=0`. */
export function downloadsEnabled(search: string): boolean {
  return new URLSearchParams(search).get(DOWNLOADS_PARAM) !== '0';
}

/** What an embedder chooses beyond the view. */
export interface EmbedOptions {
  /** Offer the Download button (default true); false writes `downloads=0`. */
  downloads?: boolean;
  /** The iframe's title in the reader's language; `embedTitle(title)` (English) by default. */
  iframeTitle?: string;
}

/** The app's own parameters that belong to one surface, not to the view. */
const SURFACE_PARAMS = ['mode', 'step', DOWNLOADS_PARAM];

function withoutSurface(viewUrl: URL): URLSearchParams {
  const params = new URLSearchParams(viewUrl.search);
  for (const name of SURFACE_PARAMS) params.delete(name);
  return params;
}

/**
 * The embed of a view: `mode=embed` first, then the view's parameters (and e.g. `data`), then
 * the embedder's options.
 */
export function embedSrc(viewUrl: URL | string, baseUrl: URL | string, options: EmbedOptions = {}): string {
  const params = withoutSurface(new URL(viewUrl));
  const query = new URLSearchParams([['mode', 'embed'], ...params.entries()]);
  if (options.downloads === false) query.set(DOWNLOADS_PARAM, '0');
  const src = new URL(baseUrl);
  src.search = query.toString();
  src.hash = '';
  return src.href;
}

/** The explorer at the same view, for the embed's "Open full map". */
export function fullMapHref(viewUrl: URL | string): string {
  const url = new URL(viewUrl);
  url.search = withoutSurface(url).toString();
  url.hash = '';
  return url.href;
}

export const loaderSrc = (baseUrl: URL | string): string => new URL('embed.js', baseUrl).href;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML to paste: the iframe (width of the column, a starting height the loader then
 * corrects) and the loader script. `viewUrl` is the explorer's URL for the view; `baseUrl` the
 * app's absolute base (where index.html and embed.js are).
 */
export function embedSnippet(
  viewUrl: URL | string,
  baseUrl: URL | string,
  title: string,
  options: EmbedOptions = {},
): string {
  const attributes: [string, string][] = [
    ['src', embedSrc(viewUrl, baseUrl, options)],
    ['title', options.iframeTitle ?? embedTitle(title)],
    ['width', '100%'],
    ['height', String(EMBED_START_HEIGHT)],
    ['style', 'border:0;width:100%;max-width:100%'],
    ['loading', 'lazy'],
    ['allow', 'fullscreen'],
    ['sandbox', EMBED_SANDBOX],
  ];
  const iframe = `<iframe data-cooperation-atlas ${attributes
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ')}></iframe>`;
  const script = `<script src="${escapeAttribute(loaderSrc(baseUrl))}" async></script>`;
  return `${iframe}\n${script}`;
}
