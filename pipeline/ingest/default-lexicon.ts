import { defaultGeocoder, loadGazetteer } from '../gazetteer/load-gazetteer.ts';
import type { Lexicon } from './lexicon.ts';
import { lexiconFromGeocoder } from './lexicon.ts';

let cached: Lexicon | undefined;

/** The lexicon of the repository's gazetteer (data/gazetteer/), built once. */
export function defaultLexicon(): Lexicon {
  if (!cached) {
    const tables = loadGazetteer();
    // names the geocoder may call ambiguous: ours ("Congo") and ISO names two countries share
    const maybeAmbiguous = [...Object.keys(tables.ambiguous), ...tables.countries.flatMap((c) => c.names)];
    cached = lexiconFromGeocoder(defaultGeocoder(), maybeAmbiguous);
  }
  return cached;
}
