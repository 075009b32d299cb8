import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { InputFile } from './build-dataset.ts';

// The files `npm run data` reads, in its order: data/article.yaml, data/events/*, then any extra
// file (a reviewed ingest draft). Shared with the tests that build the real dataset in-process.

/** One input file parsed, or a one-line reason it cannot be read. */
export function readInput(root: string, path: string): InputFile | string {
  const shown = relative(root, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  try {
    return { path: shown, content: path.endsWith('.json') ? JSON.parse(text) : parse(text) };
  } catch (error) {
    return `${shown}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`;
  }
}

export function dataInputs(root: string, extra: readonly string[] = []): (InputFile | string)[] {
  const eventsDir = join(root, 'data', 'events');
  const eventPaths = readdirSync(eventsDir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(eventsDir, name));
  return [join(root, 'data', 'article.yaml'), ...eventPaths, ...extra].map((path) => readInput(root, path));
}
