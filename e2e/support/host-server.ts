import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_TYPES as TYPES } from '../content-types.ts';
import type { Page } from './test.ts';
import { expect, test } from './test.ts';

// A second origin for embed tests: a tiny static server for host pages (an article with the
// iframe in it), and for `dist/` served with headers of our choosing (the CSP test).

export interface StaticServerOptions {
  /** A directory to serve; `/` and paths without a file extension get its index.html. */
  root?: string;
  /** Documents served from memory, by path (`/article.html`); more with `setPage`. */
  pages?: Record<string, string>;
  /** Added to every response, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** The host name in the URLs handed out: `localhost` is another origin than the app's 127.0.0.1. */
  hostname?: string;
}

export interface StaticServer {
  origin: string;
  url: (path: string) => string;
  /** Serves `body` at `path`, with `headers` besides the server's own. */
  setPage: (path: string, body: string, headers?: Record<string, string>) => void;
  /** Serves another directory from now on: a new deploy. */
  setRoot: (root: string) => void;
  /** The path of every request since the server started or the log was last cleared. */
  requests: string[];
  close: () => Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const pages = new Map<string, { body: string; headers?: Record<string, string> }>(
    Object.entries(options.pages ?? {}).map(([path, body]) => [path, { body }]),
  );
  let root = options.root ? resolve(options.root) : undefined;
  const requests: string[] = [];
  const headers = options.headers ?? {};

  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    requests.push(path);
    const send = (status: number, type: string, body?: string, extra?: Record<string, string>) => {
      response.writeHead(status, { ...headers, ...extra, 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const page = pages.get(path);
    if (page) return send(200, TYPES[extname(path) || '.html'] ?? 'text/html', page.body, page.headers);
    if (!root) return send(404, 'text/plain', 'not found');
    const wanted = extname(path) ? path : '/index.html';
    const file = normalize(join(root, wanted));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
      return send(404, 'text/plain', 'not found');
    response.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    setPage: (path, body, extra) => pages.set(path, { body, headers: extra }),
    setRoot: (next) => {
      root = resolve(next);
    },
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Collects every message the embed posts into `window.__messages`, before the iframe exists. A
 * file, not inline, so that host pages can run under a script-src CSP.
 */
const RECORDER = `window.__messages = [];
window.addEventListener('message', (event) => {
  const frame = document.querySelector('iframe[data-cooperation-atlas]');
  if (frame && event.source === frame.contentWindow) window.__messages.push({ origin: event.origin, data: event.data });
});
`;

const PARAGRAPH =
  'Military diplomacy was busy in 2021 despite the pandemic: exercises, naval patrols, video calls ' +
  'between ministers and vaccine deliveries. The map below shows each event and its partners.';

/** An article with paragraphs above and below `embed` (HTML: the iframe and what goes with it). */
export function articlePage(embed: string, { title = 'A host article' } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script src="/recorder.js"></script>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fff; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.8rem; line-height: 1.2; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p><a id="before" href="#before">A link before the map</a>. ${PARAGRAPH}</p>
${embed}
<p>${PARAGRAPH} <a id="after" href="#after">A link after the map</a>.</p>
<p>${PARAGRAPH}</p>
</main>
</body>
</html>`;
}

/** The iframe as a test host writes it, with the sandbox the issue promises to work in. */
export function embedFrame(src: string, extra = ''): string {
  return (
    `<iframe data-cooperation-atlas id="atlas" src="${src}" title="Cooperation Atlas" ` +
    `width="100%" height="620" style="border:0" sandbox="allow-scripts allow-same-origin allow-popups"${extra}></iframe>`
  );
}

export interface HostFixtures {
  host: StaticServer;
}

/** `test` with a host server on its own port for each worker, allowed as an origin the page may use. */
export const hostTest = test.extend<{ extraOrigins: string[] }, HostFixtures>({
  host: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await startStaticServer({ hostname: 'localhost', pages: { '/recorder.js': RECORDER } });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extraOrigins: async ({ host }, use) => use([host.origin]),
});

// ---- Host-side actions ------------------------------------------------------------------------

export interface RecordedMessage {
  origin: string;
  data: { source?: string; type?: string; height?: number; state?: Record<string, string> };
}

export const embedMessages = (page: Page): Promise<RecordedMessage[]> =>
  page.evaluate(() => (window as unknown as { __messages: RecordedMessage[] }).__messages);

/** Messages of one type, waiting until there are at least `count`. */
export async function messagesOfType(page: Page, type: string, count = 1): Promise<RecordedMessage[]> {
  await expect
    .poll(async () => (await embedMessages(page)).filter((m) => m.data.type === type).length)
    .toBeGreaterThanOrEqual(count);
  return (await embedMessages(page)).filter((m) => m.data.type === type);
}

/** Posts from the host page to the embed, as a host's script would. */
export async function postToEmbed(page: Page, data: unknown): Promise<void> {
  await page.evaluate((message) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-cooperation-atlas]');
    frame?.contentWindow?.postMessage(message, '*');
  }, data);
}

/**
 * Waits until the embed is at rest: its map drawn and no message posted for half a second. The
 * embed posts `state` for every change of its view, including a selection's framing coming to
 * rest some 800 ms after the selection; a request sent before then could be "answered" by that.
 */
export async function embedAtRest(page: Page): Promise<void> {
  let seen = -1;
  await expect
    .poll(
      async () => {
        const count = (await embedMessages(page)).length;
        const mapState = await embedFrameLocator(page)
          .locator('[data-map-state]')
          .first()
          .getAttribute('data-map-state');
        const quiet = count === seen && mapState !== 'loading';
        seen = count;
        return quiet;
      },
      { intervals: [500] },
    )
    .toBe(true);
}

/** Sends a request once the embed is at rest and returns the `state` message that answers it. */
export async function askEmbed(page: Page, data: unknown): Promise<Record<string, string>> {
  await embedAtRest(page);
  const before = (await embedMessages(page)).length;
  await postToEmbed(page, data);
  await expect
    .poll(async () => (await embedMessages(page)).slice(before).some((m) => m.data.type === 'state'))
    .toBe(true);
  const answer = (await embedMessages(page)).slice(before).find((m) => m.data.type === 'state');
  return answer?.data.state ?? {};
}

export const embedFrameLocator = (page: Page) => page.frameLocator('iframe[data-cooperation-atlas]');
