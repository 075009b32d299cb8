import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The page's entry (boot.ts) and the map it makes before the app has loaded (early-map.ts) run
// before anything else, and everything they import is downloaded and evaluated first. One import
// of two constants from map-filter.ts once pulled the search, the dataset schema (zod) and the
// interface's messages (react-intl) into that path: 225 kB of code evaluated before the map
// could be made. This walks their imports, as the bundler does, and names what must stay out.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The modules a file imports for their values (`import type` is erased and loads nothing). */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) if (match[1]) specifiers.push(match[1]);
  return specifiers;
}

/** Every module reachable by static value imports: project files by path, packages by name. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const key = relative(root, file);
    if (seen.has(key)) return;
    seen.add(key);
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) {
        seen.add(specifier.replace(/\?.*$/, ''));
        continue;
      }
      const target = join(dirname(file), specifier);
      if (existsSync(target) && /\.(ts|tsx)$/.test(target)) visit(target);
      else seen.add(relative(root, target));
    }
  };
  visit(join(root, entry));
  return seen;
}

const KEPT_OUT = [
  'zod',
  'react',
  'react-dom',
  'react-intl',
  'd3-scale',
  'i18n-iso-countries/codes.json',
  'src/domain/event-schema.ts',
  'src/domain/event-filter.ts',
  'src/i18n/words.ts',
];

describe('what runs before the app', () => {
  it('finds the imports it is meant to find', () => {
    const map = reachable('src/map/early-map.ts');
    expect(map).toContain('maplibre-gl');
    expect(map).toContain('src/map/atlas-map.ts');
    expect(map).toContain('src/domain/map-window.ts');
    expect([...reachable('src/app/start.tsx')]).toEqual(expect.arrayContaining(KEPT_OUT));
  });

  it.each(['src/boot.ts', 'src/map/early-map.ts'])('%s loads none of the app proper', (entry) => {
    const loaded = reachable(entry);
    expect(KEPT_OUT.filter((module) => loaded.has(module))).toEqual([]);
  });
});
