import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CountryPoint } from '../../src/domain/event-features.ts';
import { datasetSchema, describeDatasetIssues } from '../../src/domain/event-schema.ts';
import { DEFAULT_SEED, generateSynthetic, serializeDataset } from '../synthetic/generate-synthetic.ts';

// `npm run data:synthetic -- N [--seed S] [--out DIR]`: writes DIR/synthetic-N.json (default
// public/data/), N made-up events for performance tests, loaded by the app with ?data=synthetic-N.
// Partners come from the country points and themes from events.json that `npm run data` writes.

const USAGE = `usage: npm run data:synthetic -- N [--seed S] [--out DIR]
  Writes DIR/synthetic-N.json (default DIR: public/data) with N synthetic events.
  The same N and seed always give the same file. Run \`npm run data\` first.`;

const MAX_EVENTS = 1_000_000;

type PointsFile = GeoJSON.FeatureCollection<GeoJSON.Point, { iso3: string; name: string }>;

function main(args: string[]): number {
  let count: number;
  let seed: number;
  let outDir: string;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    count = Number(positionals[0]);
    seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
    outDir = resolve(values.out ?? join('public', 'data'));
    if (positionals.length !== 1 || !Number.isInteger(count) || count < 1 || count > MAX_EVENTS) {
      throw new Error(`N must be one whole number from 1 to ${MAX_EVENTS}`);
    }
    if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  } catch (error) {
    console.error(`data:synthetic: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const dataDir = join(process.cwd(), 'public', 'data');
  const pointsPath = join(dataDir, 'country-points.json');
  const eventsPath = join(dataDir, 'events.json');
  if (!existsSync(pointsPath) || !existsSync(eventsPath)) {
    console.error(
      `data:synthetic: ${relative(process.cwd(), pointsPath)} is missing: run npm run data first`,
    );
    return 1;
  }
  const points = JSON.parse(readFileSync(pointsPath, 'utf8')) as PointsFile;
  const countries: CountryPoint[] = points.features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    return { iso3: feature.properties.iso3, name: feature.properties.name, lon, lat };
  });
  const real = datasetSchema.parse(JSON.parse(readFileSync(eventsPath, 'utf8')));

  const dataset = generateSynthetic({ count, seed, themes: real.themes, countries });
  // The app validates with the same schema; failing here is cheaper than an error panel there.
  const checked = datasetSchema.safeParse(dataset);
  if (!checked.success) {
    console.error('data:synthetic: generated an invalid dataset (a bug in the generator):');
    for (const problem of describeDatasetIssues(checked.error.issues, dataset).slice(0, 20)) {
      console.error(`  ${problem.eventId ?? 'dataset'}: ${problem.field}: ${problem.message}`);
    }
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const outPath = join(outDir, `synthetic-${count}.json`);
  const text = serializeDataset(dataset);
  writeFileSync(outPath, text);
  console.log(
    `data:synthetic: ${count} events (seed ${seed}, ${(text.length / 1e6).toFixed(1)} MB) -> ${relative(process.cwd(), outPath)}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
