import type { AtlasEvent, Dataset, Partner } from '../src/domain/event-schema.ts';
import { datasetSchema, describeDatasetIssues } from '../src/domain/event-schema.ts';
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
          { iso3, name: geocoder.countryName(iso3) ?? iso3, basis: 'member', via: input.organisation },
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

function buildEvent(
  input: InputEvent,
  article: ArticleFile,
  geocoder: Geocoder,
  report: (field: string, message: string) => void,
): AtlasEvent | undefined {
  const date = expandPartialDate(input.date);
  if (Array.isArray(date)) {
    for (const problem of date) report(problem.field, problem.message);
    return undefined;
  }
  const partners = resolvePartners(input, date.start, geocoder, report);
  return {
    id: input.id,
    theme: input.theme,
    title: input.title,
    summary: input.summary,
    kind: input.kind,
    format: input.format,
    date,
    location: input.location,
    partners,
    ...(input.unnamedPartners ? { unnamedPartners: input.unnamedPartners } : {}),
    sources: input.sources.map((source) =>
      source === 'article' ? { title: article.source.title, url: article.source.url } : source,
    ),
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
