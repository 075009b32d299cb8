import type { UnnamedPartners as CitedUnnamedPartners } from '../../src/domain/event-schema.ts';

/** What the text says of a count; the draft adds the source (the article) when it is written. */
type UnnamedPartners = Omit<CitedUnnamedPartners, 'source'> & { count: number };

import type { Geocoder } from '../gazetteer/geocoder.ts';
import { normaliseName } from '../gazetteer/geocoder.ts';
import type { DraftEvidence, DraftPartner } from './draft.ts';
import { listed, quoted, sameWords } from './draft-wording.ts';
import { HOST } from './find-mentions.ts';
import type { Finding, FindingOf } from './findings.ts';
import { findingsOf, uniqueBy } from './findings.ts';
import type { SourceText, Span } from './source-text.ts';
import { evidenceOf, wordsOf } from './source-text.ts';

// A draft event's partners, from the countries, organisations, counts and references in its
// words: what goes in `partners` and `unnamedPartners`, what a reviewer must check, and the words
// each was read from.

export interface PartnerInput {
  source: SourceText;
  geocoder: Geocoder;
  findings: readonly Finding[];
  /** partners carried over from the clause before, and that clause */
  carried: readonly Finding[];
  carriedFrom: Span | undefined;
  /** the event's first day: organisations count their members on it */
  day: string;
  /** countries named earlier in the paragraph: a hint for "the two navies", never a partner */
  earlier: readonly string[];
}

export interface DraftPartners {
  partners: DraftPartner[];
  unnamed: UnnamedPartners | undefined;
  /** the partners in words, for a title: "Pakistan, Cambodia and 3 more", "nearly 70 countries" */
  who: string;
  /** the first named country, for a placeholder location */
  firstCountry: string | undefined;
  /** how many distinct countries are named */
  countryCount: number;
  review: string[];
  evidence: Pick<DraftEvidence, 'partners' | 'ambiguous' | 'organisations' | 'counts' | 'unresolved'>;
}

/**
 * "over 30 countries, including Pakistan, … and Nepal": the count includes the countries it
 * introduces, while the dataset's unnamedPartners counts only those beyond the listed partners.
 */
function unnamedPartners(
  count: FindingOf<'count'>,
  countries: readonly FindingOf<'country'>[],
  source: SourceText,
): { unnamed?: UnnamedPartners; note?: string } {
  const written: UnnamedPartners = {
    count: count.count,
    approximate: count.approximate,
    ...(count.qualifier ? { qualifier: count.qualifier } : {}),
    ...(count.region ? { region: count.region } : {}),
  };
  const after = countries.filter((c) => c.span.start >= count.span.end);
  const first = after[0];
  const between = first ? source.text.slice(count.span.end, first.span.start) : '';
  if (!first || !/\b(?:including|such\s+as|among\s+(?:them|which)|namely|like)\b/i.test(between)) {
    return { unnamed: written };
  }
  const named = new Set(after.map((c) => c.iso3)).size;
  const { qualifier } = count;
  const remainder = qualifier === 'over' ? count.count + 1 - named : count.count - named;
  const said = quoted(wordsOf(source, count.span));
  if (remainder <= 0) {
    return { note: `unnamedPartners: ${said} are all named here (${named}), so none is left unnamed; check` };
  }
  const unnamed: UnnamedPartners = {
    count: remainder,
    approximate: count.approximate,
    ...(qualifier === 'over' ? { qualifier: 'at least' as const } : qualifier ? { qualifier } : {}),
    ...(count.region ? { region: count.region } : {}),
  };
  const counted = `${unnamed.qualifier ? `${unnamed.qualifier} ` : ''}${remainder}`;
  return {
    unnamed,
    note: `unnamedPartners: ${said} include the ${named} countries named after it, so the draft counts ${counted} more, not named; check`,
  };
}

export function draftPartners(input: PartnerInput): DraftPartners {
  const { source, geocoder, findings, carried, day } = input;
  const all = [...carried, ...findings];
  const review: string[] = [];
  const unresolved: NonNullable<DraftEvidence['unresolved']> = [];
  const partners: DraftPartner[] = [];
  const nameOf = (country: FindingOf<'country'>) => geocoder.countryName(country.iso3) ?? country.mention;

  const mentions = findingsOf(all, 'country');
  const countries = uniqueBy(mentions, (c) => c.iso3);
  for (const country of countries) {
    const name = nameOf(country);
    const mention = sameWords(country.mention, name) ? undefined : country.mention;
    partners.push({ name, ...(mention ? { mention } : {}), basis: 'named' });
  }

  // written as the text has it, so that validation stops until a person picks the country
  const ambiguous = uniqueBy(findingsOf(all, 'ambiguous'), (a) => normaliseName(a.mention));
  for (const item of ambiguous) {
    partners.push({ name: item.mention, basis: 'named' });
    const choices = item.candidates
      .map((iso3) => `${iso3} (${geocoder.countryName(iso3) ?? iso3})`)
      .join(', ');
    review.push(`partners: ${quoted(item.mention)} is ambiguous: one of ${choices}; write the one meant`);
  }

  const organisationMentions = findingsOf(all, 'organisation');
  const organisations = uniqueBy(organisationMentions, (o) => o.id);
  const members = new Map(
    organisations.map((o) => [o.id, (geocoder.membersOf(o.id, day) ?? []).filter((iso3) => iso3 !== HOST)]),
  );
  for (const organisation of organisations) {
    const own = members.get(organisation.id) ?? [];
    if (own.length === 0) {
      const result = geocoder.resolve(organisation.id, { date: day });
      const note = result.status === 'group' && result.note ? ` (${result.note.trim()})` : '';
      review.push(
        `partners: ${organisation.id} is not expanded to its members${note}; name the countries that took part`,
      );
      continue;
    }
    // a named country that is also a member would be listed twice: the organisation leaves it out
    const except = countries.filter((c) => own.includes(c.iso3)).map((c) => c.iso3);
    const mention = sameWords(organisation.mention, organisation.id) ? undefined : organisation.mention;
    partners.push({
      organisation: organisation.id,
      ...(mention ? { mention } : {}),
      ...(except.length ? { except } : {}),
    });
    if (except.length) {
      review.push(
        `partners: ${except.join(', ')} ${except.length === 1 ? 'is' : 'are'} named and also ${organisation.id} members, so ${organisation.id} lists them under except`,
      );
    }
  }

  if (carried.length > 0 && input.carriedFrom) {
    review.push(
      `partners: carried over from the clause before (${quoted(wordsOf(source, input.carriedFrom))}); check they took part`,
    );
  }
  const collectives = findingsOf(findings, 'collective');
  for (const collective of collectives) {
    const hint = input.earlier.length > 0 ? ` (earlier in the paragraph: ${listed(input.earlier, 5)})` : '';
    review.push(
      partners.length > 0
        ? `partners: ${quoted(collective.phrase)} names no country; check it means only the partners listed here`
        : `partners: ${quoted(collective.phrase)} names no country${hint}; add the partners it means`,
    );
    unresolved.push({ what: `partners meant but not named${hint}`, ...evidenceOf(source, collective.span) });
  }
  for (const seen of findingsOf(findings, 'demonym')) {
    const who = seen.iso3 ?? seen.candidates.join(' or ');
    review.push(
      `partners: ${quoted(seen.mention)} (${who}) is not followed by a word for armed forces, so it is not taken as a partner; add it if it is one`,
    );
    unresolved.push({
      what: `demonym (${who}) not standing for armed forces`,
      ...evidenceOf(source, seen.span),
    });
  }
  for (const vague of findingsOf(findings, 'vague')) {
    unresolved.push({ what: 'countries neither named nor counted', ...evidenceOf(source, vague.span) });
  }

  const counts = findingsOf(findings, 'count');
  const [count] = counts;
  const { unnamed, note } = count ? unnamedPartners(count, mentions, source) : {};
  if (note) review.push(note);
  if (count?.wording) {
    review.push(
      `unnamedPartners: the text says ${quoted(count.wording)}, which has no qualifier in the schema; check`,
    );
  }
  if (counts.length > 1) {
    const all = counts.map((c) => quoted(wordsOf(source, c.span))).join(', ');
    review.push(`unnamedPartners: the text gives ${counts.length} counts (${all}); the draft uses the first`);
  }
  if (partners.length === 0 && !unnamed && collectives.length === 0) {
    review.push('partners: none found; add them, or delete this event');
  }

  const who =
    listed([
      ...countries.map(nameOf),
      ...ambiguous.map((a) => a.mention),
      ...organisations.map((o) => o.id),
    ]) ||
    (count ? wordsOf(source, count.span) : '') ||
    collectives[0]?.phrase.replace(/^The\b/, 'the') ||
    'partners not named';

  const evidence: DraftPartners['evidence'] = {};
  if (mentions.length) {
    evidence.partners = mentions.map((c) => ({
      name: nameOf(c),
      iso3: c.iso3,
      ...(c.viaDemonym ? { demonym: true as const } : {}),
      ...evidenceOf(source, c.span),
    }));
  }
  const ambiguousMentions = findingsOf(all, 'ambiguous');
  if (ambiguousMentions.length) {
    evidence.ambiguous = ambiguousMentions.map((a) => ({
      candidates: a.candidates,
      ...evidenceOf(source, a.span),
    }));
  }
  if (organisationMentions.length) {
    evidence.organisations = organisationMentions.map((o) => ({
      id: o.id,
      members: members.get(o.id) ?? [],
      ...evidenceOf(source, o.span),
    }));
  }
  if (counts.length) {
    evidence.counts = counts.map((c) => ({
      count: c.count,
      approximate: c.approximate,
      ...(c.qualifier ? { qualifier: c.qualifier } : c.wording ? { qualifier: c.wording } : {}),
      ...(c.region ? { region: c.region } : {}),
      ...evidenceOf(source, c.span),
    }));
  }
  if (unresolved.length) evidence.unresolved = unresolved;

  return {
    partners,
    unnamed,
    who,
    firstCountry: countries[0]?.iso3,
    countryCount: countries.length,
    review,
    evidence,
  };
}
