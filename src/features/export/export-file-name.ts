import { EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from '../../domain/event-schema.ts';
import type { ViewState } from '../../domain/view-state.ts';
import { extentYears } from '../../domain/view-summary.ts';

// File names that say what they hold: `cooperation-atlas-2021-exercise-2021-08-01-2021-09-30.csv`.
// Only the filters in force are named, in the panel's order, so one view always gets one name.

export type ExportExtension = 'csv' | 'geojson' | 'json' | 'png' | 'svg';

const MAX_SEARCH_SLUG = 30;
const MAX_NAME = 150;

/** Lower-case ASCII letters, digits and single hyphens; accents dropped, everything else a hyphen. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function exportFileName(
  state: ViewState,
  defaults: Pick<ViewState, 'from' | 'to'>,
  extension: ExportExtension,
  options: { all?: boolean } = {},
): string {
  const parts = ['cooperation-atlas', slug(extentYears(defaults))];
  if (options.all) {
    parts.push('all-events');
  } else {
    for (const theme of [...new Set(state.theme)].sort((a, b) => a - b)) parts.push(`highlight-${theme}`);
    parts.push(...EVENT_KINDS.filter((kind) => state.kind.includes(kind)));
    parts.push(...EVENT_FORMATS.filter((format) => state.format.includes(format)));
    parts.push(...PARTNER_BASES.filter((basis) => state.basis.includes(basis)).map((b) => `basis-${b}`));
    const search = slug(state.q).slice(0, MAX_SEARCH_SLUG).replace(/-+$/, '');
    if (search) parts.push(`search-${search}`);
    if (!state.undated) parts.push('exact-dates');
    if (state.from > defaults.from || state.to < defaults.to) parts.push(state.from, state.to);
  }
  let name = parts.join('-');
  if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME).replace(/-+$/, '');
  return `${name}.${extension}`;
}
