import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_TYPES as TYPES } from '../e2e/content-types.ts';

// A tiny static server for dist/, on 127.0.0.1 only. Text is gzipped (level 6, what most static
// hosts use) so the benchmark's "bytes transferred" means compressed bytes on the wire. Each file
// is compressed once and cached, so compression never runs inside a timed page load.

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg']);

/**
 * The page under test asks for this path the moment it is ready (bench/page-probe.ts): the requests
 * that arrived before it are the load's, whatever the harness's polling takes to notice ready.
 */
export const READY_MARKER_PATH = '/__bench/ready';

export interface ServedRequest {
  path: string;
  status: number;
  /** Body bytes as sent (gzipped where the type is text and the client accepts gzip). */
  bytes: number;
}

export interface StaticServer {
  origin: string;
  /** Every request since the last `resetLog()`, in the order they arrived. */
  log: ServedRequest[];
  resetLog(): void;
  /** Reads and compresses every file now, so no timed load pays for it. */
  preload(): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  raw: Buffer;
  gzip: Buffer | undefined;
  mtimeMs: number;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const cache = new Map<string, Entry>();
  let log: ServedRequest[] = [];

  async function load(path: string): Promise<Entry | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = cache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const raw = await readFile(path);
    const entry = {
      raw,
      gzip: COMPRESSIBLE.has(extname(path)) ? gzipSync(raw) : undefined,
      mtimeMs: info.mtimeMs,
    };
    cache.set(path, entry);
    return entry;
  }

  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // normalize() folds any ../ first; the prefix check then keeps every read inside root.
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) file = '';
    else if (pathname.endsWith('/')) file = join(file, 'index.html');
    // Logged as it arrives, so a file read that finishes late does not move it past the marker.
    const served: ServedRequest = { path: pathname, status: 0, bytes: 0 };
    log.push(served);
    const send = (status: number, body: Buffer, headers: Record<string, string>) => {
      response.writeHead(status, {
        'content-length': String(body.length),
        'cache-control': 'no-cache',
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      served.status = status;
      served.bytes = body.length;
    };
    if (pathname === READY_MARKER_PATH) {
      send(204, Buffer.alloc(0), {});
      return;
    }
    (file ? load(file) : Promise.resolve(undefined)).then(
      (entry) => {
        if (!entry) {
          send(404, Buffer.from('not found\n'), { 'content-type': 'text/plain; charset=utf-8' });
          return;
        }
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        send(200, gzip && entry.gzip ? entry.gzip : entry.raw, {
          'content-type': type,
          ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        });
      },
      (error: unknown) => send(500, Buffer.from(String(error)), { 'content-type': 'text/plain' }),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    resetLog() {
      log = [];
    },
    async preload() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      for (const entry of entries) if (entry.isFile()) await load(join(entry.parentPath, entry.name));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
