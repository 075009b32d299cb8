import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { offlineCacheOptions } from '../../build/offline-cache.ts';
import type { DatasetFile } from './atlas-driver.ts';

// Two deploys of the app for the offline-update test: A is the build in dist/, B the same build
// with one event renamed and a changed page, its service worker made again by Workbox with the
// build's own options (so B differs from A exactly as a real rebuild with that change would).

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface Deploys {
  a: string;
  b: string;
  /** The event B renamed, and its new title. */
  changed: { id: string; title: string };
  remove: () => void;
}

export async function makeDeploys(): Promise<Deploys> {
  const root = mkdtempSync(join(tmpdir(), 'atlas-deploys-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync(dist, a, { recursive: true });
  cpSync(dist, b, { recursive: true });
  const eventsFile = join(b, 'data', 'events.json');
  const dataset = JSON.parse(readFileSync(eventsFile, 'utf8')) as DatasetFile;
  const event = dataset.events[0];
  if (!event) throw new Error('the dataset has no events');
  event.title = `${event.title} (deploy B)`;
  writeFileSync(eventsFile, JSON.stringify(dataset));
  const page = join(b, 'index.html');
  writeFileSync(
    page,
    readFileSync(page, 'utf8').replace('<head>', '<head>\n<meta name="deploy" content="B">'),
  );
  await generateSW({
    ...offlineCacheOptions,
    globDirectory: b,
    swDest: join(b, 'sw.js'),
    mode: 'production',
  });
  return {
    a,
    b,
    changed: { id: event.id, title: event.title },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
