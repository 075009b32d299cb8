import { parseArgs } from 'node:util';
import { isRealIsoDate } from '../../src/domain/dates.ts';
import type { Geocoder } from '../gazetteer/geocoder.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';
import type { CommandIo } from './command-io.ts';

// `npm run -s geocode -- [--date YYYY-MM-DD] NAME...`: one JSON line per name.
// Exit 0 when every name resolved (to a country or an organisation), 1 when any is ambiguous or
// unknown, 2 for bad usage, 3 when the gazetteer data itself fails to load.

const USAGE = `usage: npm run -s geocode -- [--date YYYY-MM-DD] NAME...
  Resolves country or organisation names to ISO 3166-1 alpha-3 codes, one JSON line per NAME.
  Quote names with spaces. --date (default today) sets the date for organisation membership.
  Exit status: 0 all resolved, 1 some ambiguous or unknown, 2 bad usage, 3 gazetteer data error.`;

type CommandLine =
  | { kind: 'help' }
  | { kind: 'bad'; message: string }
  | { kind: 'run'; date: string | undefined; names: string[] };

function parseCommandLine(args: string[]): CommandLine {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) return { kind: 'help' };
    if (values.date !== undefined && !isRealIsoDate(values.date)) {
      return { kind: 'bad', message: `--date must be a YYYY-MM-DD calendar date, got "${values.date}"` };
    }
    if (positionals.length === 0) return { kind: 'bad', message: 'no NAME given' };
    return { kind: 'run', date: values.date, names: positionals };
  } catch (error) {
    // parseArgs rejects unknown options and a --date without a value
    return { kind: 'bad', message: (error as Error).message };
  }
}

/** The command, for `npm run geocode` and, in-process, for its tests. */
export function geocodeCommand(args: string[], io: CommandIo): number {
  const parsed = parseCommandLine(args);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'bad') {
    io.stderr(`geocode: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  let geocoder: Geocoder;
  try {
    geocoder = defaultGeocoder();
  } catch (error) {
    io.stderr(`geocode: cannot load the gazetteer: ${(error as Error).message}\n`);
    return 3;
  }
  let allResolved = true;
  for (const name of parsed.names) {
    const result = geocoder.resolve(name, parsed.date === undefined ? {} : { date: parsed.date });
    if (result.status === 'ambiguous' || result.status === 'unknown') allResolved = false;
    io.stdout(`${JSON.stringify(result)}\n`);
  }
  return allResolved ? 0 : 1;
}
