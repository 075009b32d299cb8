import type {
  AlternativeDate,
  AtlasEvent,
  Dataset,
  EventDate,
  Partner,
  Source,
} from '../src/domain/event-schema.ts';
import { ARTICLE_SOURCE_ID, datasetSchema, describeDatasetIssues } from '../src/domain/event-schema.ts';
import { expandPartialDate } from './expand-date.ts';
import type { Geocoder } from './gazetteer/geocoder.ts';
import type { ArticleFile, InputEvent, InputPartner } from './input-schema.ts';
import { articleFileSchema, inputEventSchema, inputEventsFileSchema } from './input-schema.ts';

export interface DataProblem {
  file: string;
  eventId?: string | undefined;
  field: string;
  message: string;
}

export interface InputFile {
  path: string;
  content: unknown;
}

const HOST = 'CHN';

export function formatProblem(problem: DataProblem): string {
  const where = [problem.file, problem.eventId, problem.field].filter(Boolean).join(': ');
  return `${where}: ${problem.message}`;
}

function resolvePartners(
  event: InputEvent,
  date: string,
  geocoder: Geocoder,
  report: (field: string, message: string) => void,
): Partner[] {
  const partners: Partner[] = [];
  const add = (partner: Partner, field: string) => {
    if (partner.iso3 === HOST) {
      report(field, 'China is the host, never a partner');
    } else if (partners.some((p) => p.iso3 === partner.iso3)) {
      report(field, `${partner.name} (${partner.iso3}) is listed twice`);
    } else {
      partners.push(partner);
    }
  };
  event.partners.forEach((input: InputPartner, index) => {
    const field = `partners.${index}`;
    if ('organisation' in input) {
      const result = geocoder.resolve(input.organisation, { date });
      if (result.status !== 'group') {
        report(field, `unknown organisation "${input.organisation}"`);
        return;
      }
      const except = new Set(input.except ?? []);
      for (const iso3 of result.members) {
        if (iso3 === HOST || except.has(iso3)) continue;
        add(
          {
            iso3,
            name: geocoder.countryName(iso3) ?? iso3,
            basis: 'member',
            via: input.organisation,
            source: input.source ?? '',
          },
          `${field}.organisation`,
        );
      }
      return;
    }
    const result = geocoder.resolve(input.name, { date });
    if (result.status === 'ok') {
      add(
        {
          iso3: result.iso3,
          name: geocoder.countryName(result.iso3) ?? result.name,
          ...(input.mention ? { mention: input.mention } : {}),
          basis: input.basis,
          ...(input.via ? { via: input.via } : {}),
          source: input.source ?? '',
        },
        `${field}.name`,
      );
    } else if (result.status === 'ambiguous') {
      report(
        `${field}.name`,
        `ambiguous country name "${input.name}": one of ${result.candidates.join(', ')}`,
      );
    } else if (result.status === 'group') {
      report(
        `${field}.name`,
        `"${input.name}" is an organisation: write it as \`organisation: ${input.name}\``,
      );
    } else {
      const hint = result.suggestions?.length ? ` (did you mean ${result.suggestions.join(', ')}?)` : '';
      report(`${field}.name`, `unknown country name "${input.name}"${hint}`);
    }
  });
  return partners;
}

/**
 * The tracing rules, checked on the input so each problem names the field as the editor wrote it:
 * every value cites one of the event's sources, an exact day cites the source that gives it, and
 * a partner the article does not name (`reported`) cites the report that does.
 */
function checkCitations(input: InputEvent, report: (field: string, message: string) => void): boolean {
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    report(field, message);
  };
  const ids = input.sources.map((source) => (source === 'article' ? ARTICLE_SOURCE_ID : source.id));
  const known = new Set(ids);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) fail(`sources.${index}.id`, `duplicate source id "${id}"`);
  });
  const cite = (field: string, source: string | undefined, missing: string) => {
    if (source === undefined) fail(`${field}.source`, missing);
    else if (!known.has(source))
      fail(`${field}.source`, `no source "${source}" in this event's sources (${ids.join(', ')})`);
  };
  cite(
    'date',
    input.date.source,
    input.date.precision === 'day'
      ? 'an exact day needs the source that gives it: add `source: <id>`'
      : 'the date needs a `source` (`article` when the article gives it)',
  );
  input.date.alternatives?.forEach((alt, i) => {
    cite(`date.alternatives.${i}`, alt.source, 'an alternative date needs its source');
  });
  if (input.location) cite('location', input.location.source, 'the place needs a `source`');
  input.partners.forEach((partner, i) => {
    cite(
      `partners.${i}`,
      partner.source,
      'each partner needs a `source` (`article` when the article names it)',
    );
    if ('basis' in partner && partner.basis === 'reported' && partner.source === ARTICLE_SOURCE_ID) {
      fail(
        `partners.${i}.source`,
        `${partner.name} is \`reported\` (not named by the article) but cites only the article: cite the report that names it`,
      );
    }
  });
  if (input.unnamedPartners) {
    cite('unnamedPartners', input.unnamedPartners.source, 'the unnamed partners need a `source`');
  }
  return ok;
}

function expandDate(
  input: InputEvent['date'],
  report: (field: string, message: string) => void,
): EventDate | undefined {
  let ok = true;
  const expand = (span: Parameters<typeof expandPartialDate>[0], field: string) => {
    const date = expandPartialDate(span);
    if (!Array.isArray(date)) return date;
    ok = false;
    for (const problem of date) report(problem.field.replace(/^date/, field), problem.message);
    return undefined;
  };
  const primary = expand(input, 'date');
  const alternatives: AlternativeDate[] = [];
  input.alternatives?.forEach((alt, i) => {
    const span = expand(alt, `date.alternatives.${i}`);
    if (span) alternatives.push({ ...span, source: alt.source, note: alt.note });
  });
  if (!ok || !primary) return undefined;
  return {
    ...primary,
    source: input.source ?? '',
    ...(alternatives.length > 0 ? { alternatives } : {}),
  };
}

function buildEvent(
  input: InputEvent,
  article: ArticleFile,
  geocoder: Geocoder,
  report: (field: string, message: string) => void,
): AtlasEvent | undefined {
  const cited = checkCitations(input, report);
  const date = expandDate(input.date, report);
  if (!date) return undefined;
  const partners = resolvePartners(input, date.start, geocoder, report);
  if (!cited) return undefined;
  if (!input.location && partners.length === 0 && !input.unnamedPartners) {
    report(
      'location',
      'an event with no place is drawn at its partners, and this one has none: give a place',
    );
  }
  const sources: Source[] = input.sources.map((source) =>
    source === 'article'
      ? { id: ARTICLE_SOURCE_ID, title: article.source.title, url: article.source.url }
      : source,
  );
  return {
    id: input.id,
    theme: input.theme,
    title: input.title,
    summary: input.summary,
    ...(input.i18n ? { i18n: input.i18n } : {}),
    kind: input.kind,
    format: input.format,
    date,
    ...(input.location ? { location: { ...input.location, source: input.location.source ?? '' } } : {}),
    partners,
    ...(input.unnamedPartners
      ? { unnamedPartners: { ...input.unnamedPartners, source: input.unnamedPartners.source ?? '' } }
      : {}),
    sources,
  };
}

/**
 * Validates, geocodes and expands the curated input into the published dataset. Every problem in
 * every file is collected, so one run tells an editor all that is wrong.
 */
export function buildDataset(
  articleFile: InputFile,
  eventFiles: InputFile[],
  geocoder: Geocoder,
): { dataset?: Dataset; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const article = articleFileSchema.safeParse(articleFile.content);
  if (!article.success) {
    for (const issue of article.error.issues) {
      problems.push({
        file: articleFile.path,
        field: issue.path.join('.') || '(root)',
        message: issue.message,
      });
    }
    return { problems };
  }

  const events: AtlasEvent[] = [];
  const eventFile = new Map<AtlasEvent, string>();
  for (const file of eventFiles) {
    const parsedFile = inputEventsFileSchema.safeParse(file.content);
    if (!parsedFile.success) {
      problems.push({ file: file.path, field: 'events', message: 'the file needs a list under `events:`' });
      continue;
    }
    parsedFile.data.events.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const eventId = typeof rawId === 'string' ? rawId : `#${index + 1}`;
      const report = (field: string, message: string) =>
        problems.push({ file: file.path, eventId, field, message });
      const parsed = inputEventSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) report(issue.path.join('.') || '(event)', issue.message);
        return;
      }
      const event = buildEvent(parsed.data, article.data, geocoder, report);
      if (event) {
        events.push(event);
        eventFile.set(event, file.path);
      }
    });
  }

  const candidate = {
    version: 1 as const,
    source: article.data.source,
    themes: article.data.themes,
    events,
  };
  const checked = datasetSchema.safeParse(candidate);
  if (!checked.success) {
    for (const { eventIndex, eventId, field, message } of describeDatasetIssues(
      checked.error.issues,
      candidate,
    )) {
      const event = eventIndex === undefined ? undefined : events[eventIndex];
      const file = (event && eventFile.get(event)) ?? articleFile.path;
      problems.push({ file, eventId, field, message });
    }
  }
  if (problems.length > 0) return { problems };
  return { dataset: checked.data, problems };
}
