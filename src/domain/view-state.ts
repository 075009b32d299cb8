import type { Language } from '../i18n/catalogues.ts';
import { readLanguageParam } from '../i18n/language.ts';
import type { MapCamera } from './camera.ts';
import { formatCamera, parseCamera } from './camera.ts';
import { isRealIsoDate } from './dates.ts';
import type { EventFormat, EventKind, PartnerBasis } from './event-schema.ts';
import { EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';

// The shareable view: one model behind the URL, the embed messages and the presenter's steps.
// Parameter names are a public contract (README "URL parameters").

export type { MapCamera } from './camera.ts';
export { formatCamera, parseCamera } from './camera.ts';

export interface ViewState {
  from: string;
  to: string;
  /** Whether events dated only to a month or a year are included. */
  undated: boolean;
  theme: number[];
  kind: EventKind[];
  format: EventFormat[];
  basis: PartnerBasis[];
  q: string;
  country: string | null;
  event: string | null;
  map: MapCamera | null;
  /** The interface language the link asks for; null follows the reader's browser. */
  lang: Language | null;
  /** "Lines to partners": a way of looking, kept so a shared link shows the network too. */
  lines: boolean;
}

export const VIEW_PARAMS = [
  'from',
  'to',
  'undated',
  'theme',
  'kind',
  'format',
  'basis',
  'q',
  'country',
  'event',
  'map',
  'lang',
  'lines',
] as const;
export type ViewParam = (typeof VIEW_PARAMS)[number];

/** What the parser checks values against; the defaults come from the dataset's extent. */
export interface ViewContext {
  defaults: Pick<ViewState, 'from' | 'to'>;
  themes: readonly number[];
  /**
   * Known event ids and countries; when given, unknown ones are dropped. The ids may be the
   * dataset's map from id to position (positionsById), which the view keeps anyway.
   */
  eventIds?: Pick<ReadonlySet<string>, 'has'>;
  countries?: ReadonlySet<string>;
}

export interface DroppedParam {
  param: string;
  value: string;
  reason: string;
}

export const MAX_QUERY_LENGTH = 100;

export function defaultViewState(context: Pick<ViewContext, 'defaults'>): ViewState {
  return {
    from: context.defaults.from,
    to: context.defaults.to,
    undated: true,
    theme: [],
    kind: [],
    format: [],
    basis: [],
    q: '',
    country: null,
    event: null,
    map: null,
    lang: null,
    lines: false,
  };
}

type ParamInput = URLSearchParams | Readonly<Record<string, unknown>>;

function entriesOf(input: ParamInput): [string, string][] {
  if (input instanceof URLSearchParams) return [...input.entries()];
  return Object.entries(input).flatMap(([key, value]): [string, string][] => {
    if (value === undefined) return [];
    if (value === null) return [[key, '']];
    if (Array.isArray(value)) return [[key, value.map(String).join(',')]];
    if (typeof value === 'object') return [[key, '\u0000object']];
    return [[key, String(value)]];
  });
}

const listOf = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The valid values of a list; an empty value clears the list. A list whose every value is
 * dropped keeps `current`, as a scalar that does not parse keeps the base's value.
 */
function parseList<T>(
  param: string,
  value: string,
  accept: (part: string) => T | undefined,
  current: T[],
  dropped: DroppedParam[],
): T[] {
  const parts = listOf(value);
  const out: T[] = [];
  for (const part of parts) {
    const parsed = accept(part);
    if (parsed === undefined) dropped.push({ param, value: part, reason: 'not a known value' });
    else if (!out.includes(parsed)) out.push(parsed);
  }
  return parts.length > 0 && out.length === 0 ? current : out;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (part: string): T | undefined =>
    values.find((v) => v === part.toLowerCase());

/**
 * Reads view parameters over a base state: keys not given keep the base's value, values that do
 * not parse are dropped (and reported) rather than failing the whole view. The URL uses it over
 * the defaults; an embed host's `set` message uses it over the current view.
 */
export function applyViewParams(
  base: ViewState,
  input: ParamInput,
  context: ViewContext,
): { state: ViewState; dropped: DroppedParam[] } {
  const state: ViewState = { ...base };
  const dropped: DroppedParam[] = [];
  const drop = (param: string, value: string, reason: string) => dropped.push({ param, value, reason });

  for (const [param, raw] of entriesOf(input)) {
    const value = raw.trim();
    switch (param as ViewParam) {
      case 'from':
      case 'to':
        if (isRealIsoDate(value)) state[param as 'from' | 'to'] = value;
        else drop(param, raw, 'not a date written YYYY-MM-DD');
        break;
      case 'undated':
        if (value === '0' || value === '1') state.undated = value === '1';
        else drop(param, raw, 'must be 0 or 1');
        break;
      case 'theme':
        state.theme = parseList(
          param,
          value,
          (part) => (/^\d+$/.test(part) && context.themes.includes(Number(part)) ? Number(part) : undefined),
          state.theme,
          dropped,
        );
        break;
      case 'kind':
        state.kind = parseList(param, value, oneOf(EVENT_KINDS), state.kind, dropped);
        break;
      case 'format':
        state.format = parseList(param, value, oneOf(EVENT_FORMATS), state.format, dropped);
        break;
      case 'basis':
        state.basis = parseList(param, value, oneOf(PARTNER_BASES), state.basis, dropped);
        break;
      case 'q':
        if (value.includes('\u0000')) drop(param, raw, 'not text');
        else {
          state.q = value.slice(0, MAX_QUERY_LENGTH);
          if (value.length > MAX_QUERY_LENGTH)
            drop(
              param,
              raw,
              `longer than ${MAX_QUERY_LENGTH} characters; only the first ${MAX_QUERY_LENGTH} are kept`,
            );
        }
        break;
      case 'country': {
        const code = value.toUpperCase();
        if (value === '') state.country = null;
        else if (/^[A-Z]{3}$/.test(code) && (!context.countries || context.countries.has(code)))
          state.country = code;
        else drop(param, raw, 'not a known ISO 3166-1 alpha-3 code');
        break;
      }
      case 'event':
        if (value === '') state.event = null;
        else if (/^[a-z0-9-]{1,120}$/.test(value) && (!context.eventIds || context.eventIds.has(value)))
          state.event = value;
        else drop(param, raw, 'not an event of this dataset');
        break;
      case 'map': {
        const camera = value === '' ? null : parseCamera(value);
        if (camera === undefined) drop(param, raw, 'not zoom/lat/lon');
        else state.map = camera;
        break;
      }
      case 'lang': {
        const language = readLanguageParam(value);
        if (language !== undefined) state.lang = language;
        else {
          // A language the atlas does not have falls back to English, said like any bad value.
          drop(param, raw, 'not a language of the atlas (en, zh)');
          state.lang = 'en';
        }
        break;
      }
      case 'lines':
        if (value === '0' || value === '1') state.lines = value === '1';
        else drop(param, raw, 'must be 0 or 1');
        break;
      default:
        break;
    }
  }
  if (state.from > state.to) {
    drop('from', `${state.from}…${state.to}`, 'the window ends before it starts');
    state.from = base.from <= base.to ? base.from : context.defaults.from;
    state.to = base.from <= base.to ? base.to : context.defaults.to;
  }
  return { state, dropped };
}

export function parseViewState(input: ParamInput, context: ViewContext) {
  return applyViewParams(defaultViewState(context), input, context);
}

/** Only what differs from the defaults, in a stable order: the URL stays short and canonical. */
export function serializeViewState(
  state: ViewState,
  context: Pick<ViewContext, 'defaults'>,
): Record<string, string> {
  const defaults = defaultViewState(context);
  const out: Record<string, string> = {};
  if (state.from !== defaults.from) out.from = state.from;
  if (state.to !== defaults.to) out.to = state.to;
  if (state.undated !== defaults.undated) out.undated = state.undated ? '1' : '0';
  if (state.theme.length > 0) out.theme = [...state.theme].sort((a, b) => a - b).join(',');
  if (state.kind.length > 0) out.kind = state.kind.join(',');
  if (state.format.length > 0) out.format = state.format.join(',');
  if (state.basis.length > 0) out.basis = state.basis.join(',');
  if (state.q) out.q = state.q;
  if (state.country) out.country = state.country;
  if (state.event) out.event = state.event;
  if (state.map) out.map = formatCamera(state.map);
  if (state.lang) out.lang = state.lang;
  if (state.lines !== defaults.lines) out.lines = state.lines ? '1' : '0';
  return out;
}
