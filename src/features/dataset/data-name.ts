// Which data file the page shows, read from the URL. Apart from the dataset query so the page's
// first script can start the download without loading the schema.

/** `?data=NAME` loads public/data/NAME.json instead of the built-in events (e.g. synthetic-50000). */
export function requestedDataName(search = window.location.search): string {
  const requested = new URLSearchParams(search).get('data');
  return requested && /^[a-z0-9][a-z0-9-]{0,63}$/.test(requested) ? requested : 'events';
}

/** The files the explorer needs before it can show anything, relative to the app's base URL. */
export function dataFiles(dataName: string): { events: string; countryPoints: string } {
  return { events: `data/${dataName}.json`, countryPoints: 'data/country-points.json' };
}
