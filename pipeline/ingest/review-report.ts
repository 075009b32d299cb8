import type { Draft, DraftEvent } from './draft.ts';
import { TODO_URL } from './draft.ts';
import type { Unresolved } from './ingest-article.ts';
import type { Evidence } from './source-text.ts';

// The review report: what ingest found, what is ambiguous, what it saw but did not resolve, and
// what is left for a person to write. The same Markdown goes to a file and to the terminal, where
// long lists are cut (`limit`) and point to the file.

export interface ReportOptions {
  draftFile: string;
  reportFile: string;
  notes: readonly string[];
  outside: readonly Unresolved[];
  /** rows per list; the rest are counted, not shown */
  limit?: number;
}

const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
const at = (evidence: Evidence) => `"${cell(evidence.quote)}" (${evidence.start}–${evidence.end})`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function cut<T>(rows: readonly T[], limit: number | undefined): { shown: readonly T[]; hidden: number } {
  if (limit === undefined || rows.length <= limit) return { shown: rows, hidden: 0 };
  return { shown: rows.slice(0, limit), hidden: rows.length - limit };
}

function table(header: readonly string[], rows: readonly string[][], options: ReportOptions): string[] {
  if (rows.length === 0) return ['None.'];
  const { shown, hidden } = cut(rows, options.limit);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...shown.map((row) => `| ${row.join(' | ')} |`),
    ...(hidden ? ['', `… and ${hidden} more in ${options.reportFile}`] : []),
  ];
}

function list(items: readonly string[], options: ReportOptions): string[] {
  if (items.length === 0) return ['None.'];
  const { shown, hidden } = cut(items, options.limit);
  return [
    ...shown.map((item) => `- ${item}`),
    ...(hidden ? [`- … and ${hidden} more in ${options.reportFile}`] : []),
  ];
}

function grouped<T>(
  events: readonly DraftEvent[],
  pick: (event: DraftEvent) => readonly T[],
  key: (item: T) => string,
) {
  const groups = new Map<string, { items: T[]; events: Set<string> }>();
  for (const event of events) {
    for (const item of pick(event)) {
      const group = groups.get(key(item)) ?? { items: [], events: new Set<string>() };
      group.items.push(item);
      group.events.add(event.id);
      groups.set(key(item), group);
    }
  }
  return groups;
}

const ids = (events: Iterable<string>, limit?: number) => {
  const all = [...events];
  const shown = limit === undefined ? all : all.slice(0, limit);
  const more = all.length - shown.length;
  return `${shown.map((id) => `\`${id}\``).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
};

export function reviewReport(draft: Draft, options: ReportOptions): string {
  const { events } = draft;
  const lines: string[] = [];
  const { ingest } = draft;
  lines.push(
    `# Ingest review: ${ingest.file}`,
    '',
    `${plural(events.length, 'draft event')} from ${plural(ingest.sentences, 'sentence')}, dated against ${ingest.year}, ` +
      `written to \`${options.draftFile}\`. Read as ${ingest.encoding}. Evidence offsets are ${draft.ingest.offsets}.`,
    ...options.notes.map((note) => `\n${note}`),
    '',
    '## Found',
  );

  const countries = grouped(
    events,
    (e) => e.evidence.partners ?? [],
    (p) => p.iso3,
  );
  const countryRows = [...countries]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([iso3, { items, events: where }]) => [
      iso3,
      cell(items[0]?.name ?? iso3),
      [...new Set(items.map((i) => `"${cell(i.quote)}"`))].join(', '),
      ids(where, options.limit),
    ]);
  lines.push(
    '',
    `### Countries (${countries.size})`,
    '',
    ...table(['ISO3', 'Country', 'As written', 'Events'], countryRows, options),
  );

  const organisations = grouped(
    events,
    (e) => e.evidence.organisations ?? [],
    (o) => o.id,
  );
  const organisationRows = [...organisations].map(([id, { items, events: where }]) => [
    id,
    [...new Set(items.map((i) => `"${cell(i.quote)}"`))].join(', '),
    items[0]?.members.length ? items[0].members.join(' ') : 'not expanded',
    ids(where, options.limit),
  ]);
  lines.push(
    '',
    `### Organisations (${organisations.size})`,
    '',
    ...table(
      ['Organisation', 'As written', "Members on the event's date (China left out)", 'Events'],
      organisationRows,
      options,
    ),
  );

  const nameRows = events.flatMap((e) =>
    (e.evidence.names ?? []).map((n) => [cell(n.name), `${n.start}–${n.end}`, `\`${e.id}\``]),
  );
  lines.push(
    '',
    `### Named exercises and meetings (${nameRows.length})`,
    '',
    ...table(['Name', 'Offsets', 'Event'], nameRows, options),
  );

  const dateRows = events.flatMap((e) =>
    (e.evidence.dates ?? []).map((d) => [
      at(d),
      [d.value.start, d.value.end].filter(Boolean).join(' to '),
      d.value.precision,
      `\`${e.id}\``,
    ]),
  );
  lines.push(
    '',
    `### Dates (${dateRows.length})`,
    '',
    ...table(['As written', 'Read as', 'Precision', 'Event'], dateRows, options),
  );

  const countRows = events.flatMap((e) =>
    (e.evidence.counts ?? []).map((c) => [
      at(c),
      String(c.count),
      c.approximate ? 'yes' : 'no',
      c.qualifier ?? '',
      c.region ?? '',
      `\`${e.id}\``,
    ]),
  );
  lines.push(
    '',
    `### Counts of unnamed partners (${countRows.length})`,
    '',
    ...table(['As written', 'Count', 'Approximate', 'Qualifier', 'Region', 'Event'], countRows, options),
  );

  const ambiguous = events.flatMap((e) =>
    (e.evidence.ambiguous ?? []).map((a) => `${at(a)}: one of ${a.candidates.join(', ')} (\`${e.id}\`)`),
  );
  const kinds = events.flatMap((e) => {
    const line = e.review.find((r) => r.startsWith('kind: guessed') && r.includes('also fit'));
    return line ? [`\`${e.id}\`: ${line}`] : [];
  });
  lines.push(
    '',
    '## Ambiguous',
    '',
    '### Names',
    '',
    ...list(ambiguous, options),
    '',
    '### Kinds',
    '',
    ...list(kinds, options),
  );

  const unresolved = [
    ...events.flatMap((e) => (e.evidence.unresolved ?? []).map((u) => `${at(u)}: ${u.what} (\`${e.id}\`)`)),
    ...options.outside.map((u) => `${at(u)}: ${u.what} (no event)`),
    ...events.flatMap((e) =>
      e.review
        .filter((r) => r.includes('is not expanded to its members'))
        .map((r) => `\`${e.id}\`: ${r.replace(/^partners: /, '')}`),
    ),
  ];
  lines.push('', '## Seen but not resolved', '', ...list(unresolved, options));

  const todoKind = events.filter((e) => e.kind === 'TODO').map((e) => e.id);
  const noLocation = events.filter((e) => e.location === null).map((e) => e.id);
  const placeholders = events.filter((e) => e.location?.name.includes('placeholder')).map((e) => e.id);
  const todo = [
    `\`summary\` of all ${plural(events.length, 'event')}: none is written for you`,
    ...(todoKind.length
      ? [`\`kind\` (no activity word; or delete the event): ${ids(todoKind, options.limit)}`]
      : []),
    ...(noLocation.length ? [`\`location\` (none derived): ${ids(noLocation, options.limit)}`] : []),
    ...(placeholders.length
      ? [`\`location\` (a placeholder to replace): ${ids(placeholders, options.limit)}`]
      : []),
    ...(draft.article.url === TODO_URL ? ["`article.url` and each event's `sources` URL"] : []),
    ...(draft.article.published === 'TODO' ? ['`article.published`'] : []),
    "then everything under each event's `review`, and delete it",
  ];
  lines.push('', '## Left for a person to write', '', ...list(todo, { ...options, limit: undefined }), '');
  return lines.join('\n');
}
