import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { parse } from 'yaml';
import { z } from 'zod';
import { isRealIsoDate } from '../../src/domain/dates.ts';
import type { CountryRecord, GazetteerTables, Geocoder } from './geocoder.ts';
import { createGeocoder } from './geocoder.ts';

const ALIASES_FILE = 'data/gazetteer/aliases.yaml';
const ORGANISATIONS_FILE = 'data/gazetteer/organisations.yaml';

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO alpha-3 code such as RUS');
const date = z.string().refine(isRealIsoDate, 'expected a YYYY-MM-DD date');
const name = z.string().trim().min(1);

const aliasesFileSchema = z.strictObject({
  code_fixes: z.record(z.string(), iso3).default({}),
  display: z.record(iso3, name).default({}),
  aliases: z.record(name, iso3).default({}),
  ambiguous: z.record(name, z.array(iso3).min(2)).default({}),
  demonyms: z.record(name, z.union([iso3, z.array(iso3).min(2)])).default({}),
});

const span = { since: date, until: date.optional() };
const organisationsFileSchema = z.strictObject({
  organisations: z.array(
    z.strictObject({
      id: name,
      name,
      aliases: z.array(name).default([]),
      members: z.array(z.strictObject({ iso3, ...span })).default([]),
      includes: z.array(z.strictObject({ organisation: name, ...span })).default([]),
      note: z.string().optional(),
    }),
  ),
});

/** `file` is relative to the repository root, which is two levels above this module. */
function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const result = schema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

function isoCountries(codeFixes: Record<string, string>): CountryRecord[] {
  return Object.entries(countries.getNames('en', { select: 'all' })).flatMap(([iso2, names]) => {
    const listed = countries.alpha2ToAlpha3(iso2);
    if (!listed) return [];
    return [{ iso3: codeFixes[listed] ?? listed, iso2, names }];
  });
}

export function loadGazetteer(): GazetteerTables {
  const { code_fixes, ...aliasTables } = readYaml(ALIASES_FILE, aliasesFileSchema);
  const { organisations } = readYaml(ORGANISATIONS_FILE, organisationsFileSchema);
  return { countries: isoCountries(code_fixes), ...aliasTables, organisations };
}

let cached: Geocoder | undefined;

export function defaultGeocoder(): Geocoder {
  cached ??= createGeocoder(loadGazetteer());
  return cached;
}
