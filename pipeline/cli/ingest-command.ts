import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { Geocoder } from '../gazetteer/geocoder.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';
import { countryPoints } from '../ingest/country-points.ts';
import { defaultLexicon } from '../ingest/default-lexicon.ts';
import { draftToYaml } from '../ingest/draft-yaml.ts';
import { ingestArticle } from '../ingest/ingest-article.ts';
import type { Lexicon } from '../ingest/lexicon.ts';
import { readArticle } from '../ingest/read-article.ts';
import { reviewReport } from '../ingest/review-report.ts';
import { articleFileSchema } from '../input-schema.ts';
import type { CommandIo } from './command-io.ts';

// `npm run ingest -- ARTICLE.txt [--year YYYY] [--out DRAFT.yaml] [--url URL] [--force]`: reads an
// article's text and writes a draft of geocoded events (DRAFT.yaml) and a review report
// (DRAFT.review.md, also printed). Exit status: 0 done, 1 bad input or an output that cannot be
// written, 2 bad usage, 3 the gazetteer itself fails to load. Never a stack trace.

const USAGE = `usage: npm run ingest -- ARTICLE.txt [--year YYYY] [--out DRAFT.yaml] [--url URL] [--force]
  Reads a plain-text article (title line, then paragraphs; numbered headings become themes) and
  writes a draft of events in the dataset's input format, with the evidence for every value, plus
  a review report (DRAFT.review.md, also printed here).
  --year   the year of dates written without one (default: a year in the title or byline)
  --out    the draft to write (default: ARTICLE.draft.yaml in the current directory)
  --url    the article's URL, for the events' sources
  --force  overwrite an existing draft (it may hold a person's review)
  Exit status: 0 done, 1 bad input, 2 bad usage, 3 gazetteer data error.`;

const TERMINAL_ROWS = 25;

type CommandLine =
  | { kind: 'help' }
  | { kind: 'bad'; message: string }
  | {
      kind: 'run';
      article: string;
      year: number | undefined;
      out: string;
      url: string | undefined;
      force: boolean;
    };

const OPTIONS = {
  year: { type: 'string' },
  out: { type: 'string' },
  url: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCommandLine(args: string[]): CommandLine {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    // unknown options, an option without its value
    return { kind: 'bad', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) return { kind: 'bad', message: 'no ARTICLE.txt given' };
  if (positionals.length > 1)
    return { kind: 'bad', message: `one article at a time (got ${positionals.length})` };
  const article = positionals[0] as string;
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1900 || Number(values.year) > 2100) {
      return { kind: 'bad', message: `--year must be a year such as 2021, got "${values.year}"` };
    }
    year = Number(values.year);
  }
  if (values.url !== undefined && !/^https?:\/\/\S+$/.test(values.url)) {
    return { kind: 'bad', message: `--url must be an http(s) URL, got "${values.url}"` };
  }
  const out = values.out ?? `${basename(article, extname(article))}.draft.yaml`;
  if (!/\.ya?ml$/.test(out)) return { kind: 'bad', message: `--out must end in .yaml or .yml, got "${out}"` };
  return { kind: 'run', article, year, out, url: values.url, force: values.force ?? false };
}

/** data/article.yaml's source, so that a draft of that same article cites it as `article`. */
function knownArticle(): { title: string; url: string } | undefined {
  try {
    const text = readFileSync(new URL('../../data/article.yaml', import.meta.url), 'utf8');
    const parsed = articleFileSchema.safeParse(parse(text));
    return parsed.success ? parsed.data.source : undefined;
  } catch {
    return undefined;
  }
}

function run(command: Extract<CommandLine, { kind: 'run' }>, io: CommandIo): number {
  // Paths as the person wrote them in messages; resolved against their directory for the files.
  const article = resolve(io.cwd, command.article);
  const out = resolve(io.cwd, command.out);
  const read = readArticle(article);
  if (!read.ok) {
    io.stderr(`ingest: ${command.article} ${read.problem}\n`);
    return 1;
  }
  const reportFile = out.replace(/\.ya?ml$/, '.review.md');
  if (existsSync(out) && !command.force) {
    io.stderr(
      `ingest: ${command.out} exists and may hold a review: pass --force to overwrite it, or choose --out\n`,
    );
    return 1;
  }
  let lexicon: Lexicon;
  let geocoder: Geocoder;
  try {
    geocoder = defaultGeocoder();
    lexicon = defaultLexicon();
  } catch (error) {
    io.stderr(`ingest: cannot load the gazetteer: ${(error as Error).message}\n`);
    return 3;
  }
  const outcome = ingestArticle(read.text, lexicon, geocoder, {
    file: basename(article),
    encoding: read.encoding,
    year: command.year,
    url: command.url,
    knownArticle: knownArticle(),
    points: countryPoints(),
  });
  if (!outcome.ok) {
    io.stderr(`ingest: ${command.article}: ${outcome.message}\n`);
    return 2;
  }
  const shown = (path: string) => relative(io.cwd, path) || path;
  const options = {
    draftFile: shown(out),
    reportFile: shown(reportFile),
    notes: outcome.notes,
    outside: outcome.outside,
  };
  try {
    writeFileSync(out, draftToYaml(outcome.draft));
    writeFileSync(reportFile, reviewReport(outcome.draft, options));
  } catch (error) {
    io.stderr(
      `ingest: cannot write the draft (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
    );
    return 1;
  }
  io.stdout(`${reviewReport(outcome.draft, { ...options, limit: TERMINAL_ROWS })}\n`);
  io.stdout(`ingest: wrote ${options.draftFile} and ${options.reportFile}\n`);
  return 0;
}

/** The command, for `npm run ingest` and, in-process, for its tests. Never throws. */
export function ingestCommand(args: string[], io: CommandIo): number {
  try {
    const command = parseCommandLine(args);
    if (command.kind === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'bad') {
      io.stderr(`ingest: ${command.message}\n${USAGE}\n`);
      return 2;
    }
    return run(command, io);
  } catch (error) {
    // a bug, not bad input: one line, no stack trace
    io.stderr(`ingest: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    return 3;
  }
}
