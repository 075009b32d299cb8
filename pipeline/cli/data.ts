import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { StoryCaptions } from '../../src/domain/story-steps.ts';
import { storyCaptionsSchema } from '../../src/domain/story-steps.ts';
import { LABEL_FONT, LABEL_GLYPHS_DIR } from '../../src/map/layers.ts';
import { buildBasemap } from '../basemap/build-basemap.ts';
import type { InputFile } from '../build-dataset.ts';
import { buildDataset, formatProblem } from '../build-dataset.ts';
import { dataInputs } from '../data-inputs.ts';
import { factBacking, formatFactBacking } from '../fact-backing.ts';
import {
  buildChineseFont,
  CATALOGUE_DIR,
  CHINESE_FONT_BUDGET_BYTES,
  CHINESE_FONT_MANIFEST,
  CHINESE_FONT_SOURCE,
  catalogueTexts,
  chineseTextsOf,
  subsetCharacters,
} from '../fonts/chinese-font.ts';
import { buildLabelGlyphs, LABEL_FONT_FILES } from '../fonts/label-glyphs.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';

/** Square degrees: points of the world basemap whose triangle is smaller go (topojson-simplify). */
const WORLD_BASEMAP_WEIGHT = 0.01;

// `npm run data [-- EXTRA.yaml ...]`: validates and geocodes data/, then writes the app's data
// files under public/data/. Extra files (a reviewed ingest draft) are read like data/events/*.yaml.

const root = process.cwd();
const outDir = join(root, 'public', 'data');
const fontDir = join(root, 'public', 'fonts');

async function main(): Promise<number> {
  const inputs = dataInputs(root, process.argv.slice(2));
  const unreadable = inputs.filter((input): input is string => typeof input === 'string');
  if (unreadable.length > 0) {
    for (const line of unreadable) console.error(line);
    return 1;
  }
  const [article, ...eventFiles] = inputs as InputFile[];
  const { dataset, problems } = buildDataset(article as InputFile, eventFiles, defaultGeocoder());
  if (!dataset) {
    console.error(`data: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the input:`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }

  const topology = JSON.parse(
    readFileSync(join(root, 'node_modules', 'world-atlas', 'countries-50m.json'), 'utf8'),
  );
  const basemap = buildBasemap(topology);
  // What the map draws first, at the zooms that show the whole world or most of it (see
  // src/map/atlas-map.ts): about a third of the full file, its error under a pixel there.
  const worldBasemap = buildBasemap(topology, { simplifyWeight: WORLD_BASEMAP_WEIGHT });
  const drawn = new Set(basemap.points.features.map((f) => f.properties.iso3));
  const undrawn = dataset.events.flatMap((e) =>
    e.partners.filter((p) => !drawn.has(p.iso3)).map((p) => p.iso3),
  );
  if (undrawn.length > 0) {
    console.error(`data: partners with no country on the basemap: ${[...new Set(undrawn)].join(', ')}`);
    return 1;
  }

  const story = storyCaptionsSchema.safeParse(parse(readFileSync(join(root, 'data', 'story.yaml'), 'utf8')));
  if (!story.success) {
    for (const issue of story.error.issues)
      console.error(`data/story.yaml: ${issue.path.join('.')}: ${issue.message}`);
    return 1;
  }
  const unknownThemes = Object.keys(story.data.themes ?? {}).filter(
    (id) => !dataset.themes.some((t) => String(t.id) === id),
  );
  if (unknownThemes.length > 0) {
    console.error(`data/story.yaml: themes: no theme ${unknownThemes.join(', ')} in data/article.yaml`);
    return 1;
  }

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'story.json'), `${JSON.stringify(story.data, null, 1)}\n`);
  writeFileSync(join(outDir, 'events.json'), `${JSON.stringify(dataset, null, 1)}\n`);
  writeFileSync(join(outDir, 'basemap.json'), JSON.stringify(basemap.countries));
  writeFileSync(join(outDir, 'basemap-world.json'), JSON.stringify(worldBasemap.countries));
  writeFileSync(join(outDir, 'country-points.json'), JSON.stringify(basemap.points));
  console.log(
    `data: ${dataset.events.length} events, ${basemap.countries.features.length} country shapes -> ${relative(root, outDir)}/`,
  );
  for (const line of formatFactBacking(factBacking(dataset))) console.log(line);

  // The map labels every country on the basemap, so every one needs its Chinese name's glyphs.
  const characters = subsetCharacters([
    ...chineseTextsOf(dataset, drawn),
    ...catalogueTexts(join(root, CATALOGUE_DIR)),
    ...storyTranslations(story.data),
  ]);
  const { font, manifest } = await buildChineseFont(
    readFileSync(join(root, CHINESE_FONT_SOURCE)),
    characters,
  );
  if (font.byteLength > CHINESE_FONT_BUDGET_BYTES) {
    console.error(
      `data: the Chinese font subset is ${font.byteLength} bytes for ${characters.length} characters, over its budget of ${CHINESE_FONT_BUDGET_BYTES}`,
    );
    return 1;
  }
  mkdirSync(fontDir, { recursive: true });
  writeFileSync(join(fontDir, manifest.file), font);
  writeFileSync(join(fontDir, CHINESE_FONT_MANIFEST), `${JSON.stringify(manifest)}\n`);
  console.log(
    `fonts: Chinese subset, ${characters.length} characters, ${(font.byteLength / 1000).toFixed(1)} kB -> ${relative(root, fontDir)}/${manifest.file}`,
  );

  const glyphDir = join(root, 'public', LABEL_GLYPHS_DIR, LABEL_FONT);
  const ranges = buildLabelGlyphs(
    LABEL_FONT,
    LABEL_FONT_FILES.map((file) => new Uint8Array(readFileSync(join(root, file)))),
  );
  mkdirSync(glyphDir, { recursive: true });
  for (const [file, bytes] of ranges) writeFileSync(join(glyphDir, file), bytes);
  console.log(`fonts: Latin label glyphs, ${ranges.size} ranges -> ${relative(root, glyphDir)}/`);
  return 0;
}

process.exitCode = await main();

/** The story's texts in other languages (every `i18n` entry of data/story.yaml), for the font subset. */
function storyTranslations(story: StoryCaptions): string[] {
  const steps = [story.opening, ...Object.values(story.themes ?? {}), story.closing];
  return steps
    .flatMap((step) =>
      Object.values(step?.i18n ?? {}).flatMap((texts) => [texts.title, texts.caption, texts.notes]),
    )
    .filter((text): text is string => Boolean(text));
}
