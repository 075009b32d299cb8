import type { Finding } from './findings.ts';
import type { Span } from './source-text.ts';

// How a sentence's findings become draft events: one per clause that names a partner, an
// organisation, a count or a named exercise or meeting, and one per named exercise or meeting
// when a clause lists several ("attended the 12th …, the 8th … and the 4th …").

export interface Group {
  /** the words of this event */
  span: Span;
  findings: Finding[];
  /** words before the first of several named events, which every one of them shares */
  context: Span | undefined;
  /** partners carried over from the clause before, which names them ("China and Vietnam held X and organized Y") */
  inherited: Finding[];
  inheritedFrom: Span | undefined;
}

const STRONG = new Set<Finding['type']>(['country', 'ambiguous', 'organisation', 'named', 'count']);
const PARTNERS = new Set<Finding['type']>(['country', 'ambiguous', 'organisation', 'count', 'collective']);
const CARRIED = new Set<Finding['type']>(['country', 'ambiguous', 'organisation']);

interface Part {
  span: Span;
  findings: Finding[];
}

/** Splits findings sorted by start at the given offsets, in one pass. */
function slices(findings: readonly Finding[], starts: readonly number[]): Finding[][] {
  const out: Finding[][] = starts.map(() => []);
  let part = 0;
  for (const finding of findings) {
    while (part + 1 < starts.length && finding.span.start >= (starts[part + 1] as number)) part++;
    out[part]?.push(finding);
  }
  return out;
}

/** Clauses without a partner or a name of their own join the clause before (or after) them. */
function mergeClauses(sentence: Span, clauses: readonly Span[], findings: readonly Finding[]): Part[] {
  const own = slices(
    findings,
    clauses.map((clause, index) => (index === 0 ? sentence.start : clause.start)),
  );
  const merged: Part[] = [];
  let pending: Part | undefined;
  clauses.forEach((clause, index) => {
    const found = own[index] ?? [];
    const last = merged[merged.length - 1];
    if (found.some((f) => STRONG.has(f.type))) {
      const start = pending?.span.start ?? clause.start;
      merged.push({ span: { start, end: clause.end }, findings: [...(pending?.findings ?? []), ...found] });
      pending = undefined;
    } else if (last) {
      for (const f of found) last.findings.push(f);
      last.span.end = clause.end;
    } else if (pending) {
      for (const f of found) pending.findings.push(f);
      pending.span.end = clause.end;
    } else {
      pending = { span: { ...clause }, findings: [...found] };
    }
  });
  // "The two air forces organized the third joint aerial strategic patrol": partners meant, not named
  if (merged.length === 0 && pending?.findings.some((f) => f.type === 'collective')) {
    merged.push({ span: { ...sentence }, findings: pending.findings });
  }
  return merged;
}

function splitByNames(part: Part): Array<Omit<Group, 'inherited' | 'inheritedFrom'>> {
  const named = part.findings.filter((f) => f.type === 'named');
  const first = named[0];
  if (!first || named.length < 2) return [{ span: part.span, findings: part.findings, context: undefined }];
  const [shared = [], ...own] = slices(part.findings, [part.span.start, ...named.map((n) => n.span.start)]);
  const context =
    shared.length > 0 || first.span.start > part.span.start
      ? { start: part.span.start, end: first.span.start }
      : undefined;
  return named.map((name, index) => {
    const end = named[index + 1]?.span.start ?? part.span.end;
    return { span: { start: name.span.start, end }, findings: [...shared, ...(own[index] ?? [])], context };
  });
}

/** The partners a group hands on, one finding per country or organisation. */
function carriedBy(group: Group): Finding[] {
  const seen = new Set<string>();
  return [...group.findings, ...group.inherited].filter((f) => {
    if (!CARRIED.has(f.type)) return false;
    const key =
      f.type === 'country'
        ? f.iso3
        : f.type === 'organisation'
          ? f.id
          : `?${'mention' in f ? f.mention : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function groupSentence(
  sentence: Span,
  clauses: readonly Span[],
  findings: readonly Finding[],
): Group[] {
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start);
  const groups: Group[] = [];
  for (const part of mergeClauses(sentence, clauses, sorted)) {
    for (const piece of splitByNames(part)) {
      const previous = groups[groups.length - 1];
      const hasPartners = piece.findings.some((f) => PARTNERS.has(f.type));
      const carried = previous && !hasPartners ? carriedBy(previous) : [];
      groups.push(
        carried.length > 0 && previous
          ? { ...piece, inherited: carried, inheritedFrom: previous.span }
          : { ...piece, inherited: [], inheritedFrom: undefined },
      );
    }
  }
  return groups;
}
