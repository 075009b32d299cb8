import type { Dataset } from '../src/domain/event-schema.ts';
import { ARTICLE_SOURCE_ID, PARTNER_BASES, sourceCitations } from '../src/domain/event-schema.ts';

// What `npm run data` prints after a build: how the dataset's facts are backed, so an editor sees
// at a glance how much rests on the article alone and how much on other reports.

export interface FactBacking {
  partnersByBasis: Record<(typeof PARTNER_BASES)[number], number>;
  /** Cited values (dates, alternatives, places, partners, unnamed counts) by what they cite. */
  citations: { article: number; other: number };
  /** The sources other than the article cited most, with how many values cite each. */
  topSources: { title: string; count: number }[];
  datesByPrecision: Record<string, number>;
  alternatives: number;
  unplaced: number;
}

export function factBacking(dataset: Dataset, top = 5): FactBacking {
  const partnersByBasis = Object.fromEntries(
    PARTNER_BASES.map((b) => [b, 0]),
  ) as FactBacking['partnersByBasis'];
  const datesByPrecision: Record<string, number> = { day: 0, month: 0, year: 0 };
  const citations = { article: 0, other: 0 };
  const bySource = new Map<string, number>();
  let alternatives = 0;
  let unplaced = 0;
  for (const event of dataset.events) {
    for (const partner of event.partners) partnersByBasis[partner.basis] += 1;
    datesByPrecision[event.date.precision] = (datesByPrecision[event.date.precision] ?? 0) + 1;
    alternatives += event.date.alternatives?.length ?? 0;
    if (!event.location) unplaced += 1;
    for (const { source } of sourceCitations(event)) {
      if (source === ARTICLE_SOURCE_ID) {
        citations.article += 1;
        continue;
      }
      citations.other += 1;
      const title = event.sources.find((s) => s.id === source)?.title ?? source;
      bySource.set(title, (bySource.get(title) ?? 0) + 1);
    }
  }
  const topSources = [...bySource]
    .map(([title, count]) => ({ title, count }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
    .slice(0, top);
  return { partnersByBasis, citations, topSources, datesByPrecision, alternatives, unplaced };
}

export function formatFactBacking(backing: FactBacking): string[] {
  const { partnersByBasis: p, citations: c, datesByPrecision: d } = backing;
  return [
    `facts: ${c.article + c.other} cited values, ${c.article} from the article, ${c.other} from other reports`,
    `  partners: ${p.named} named in the article, ${p.member} members of a named organisation, ${p.reported} reported elsewhere`,
    `  dates: ${d.day} to the day, ${d.month} to the month, ${d.year} to the year; ${backing.alternatives} alternative dates kept`,
    `  places: ${backing.unplaced} events with no single place (drawn at their partners, or not drawn)`,
    ...(backing.topSources.length > 0
      ? [`  most cited reports: ${backing.topSources.map((s) => `${s.title} (${s.count})`).join('; ')}`]
      : []),
  ];
}
