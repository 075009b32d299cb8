import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { capturedIo } from './command-io.ts';
import { ingestCommand } from './ingest-command.ts';

const FIXTURE = fileURLToPath(new URL('../ingest/fixtures/small-article.txt', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingest(args: string[], cwd = dir) {
  const io = capturedIo(cwd);
  const status = ingestCommand(args, io);
  return { status, stdout: io.out(), stderr: io.err() };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('npm run ingest', () => {
  it('writes ARTICLE.draft.yaml and its review beside it, and prints the review', () => {
    const article = file('article.txt', readFileSync(FIXTURE, 'utf8'));
    const { status, stdout, stderr } = ingest([article, '--url', 'https://example.org/a']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const draft = parse(readFileSync(join(dir, 'article.draft.yaml'), 'utf8'));
    expect(draft.events).toHaveLength(6);
    expect(draft.events[0]).toMatchObject({ id: 'draft-sea-guardian-2022', summary: null, theme: 1 });
    expect(draft.article.url).toBe('https://example.org/a');
    const report = readFileSync(join(dir, 'article.draft.review.md'), 'utf8');
    expect(report).toMatch(/^# Ingest review: article\.txt/);
    expect(report).toContain('## Seen but not resolved');
    expect(report).toContain('"the two navies"');
    expect(stdout).toContain('### Countries (5)');
    expect(stdout).toContain('ingest: wrote article.draft.yaml and article.draft.review.md');
  });

  it('takes --out and --year, and will not overwrite a draft without --force', () => {
    const article = file('no-year.txt', 'Cooperation highlights\n\nPakistan received vaccines on May 3.\n');
    const out = join(dir, 'custom.yaml');
    expect(ingest([article, '--out', out, '--year', '2019']).status).toBe(0);
    expect(parse(readFileSync(out, 'utf8')).events[0].date).toEqual({
      start: '2019-05-03',
      precision: 'day',
      source: 'ingested-article',
    });
    expect(existsSync(join(dir, 'custom.review.md'))).toBe(true);

    const again = ingest([article, '--out', out, '--year', '2019']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      `ingest: ${out} exists and may hold a review: pass --force to overwrite it, or choose --out\n`,
    );
    expect(ingest([article, '--out', out, '--year', '2020', '--force']).status).toBe(0);
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), 'is empty'],
    [
      'a binary file',
      () =>
        file(
          'binary.bin',
          Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256),
        ),
      'looks like a binary file, not text',
    ],
    ['an unreadable path', () => join(dir, 'nowhere', 'missing.txt'), 'cannot be read (ENOENT)'],
    ['a directory', () => dir, 'cannot be read (EISDIR: it is a directory)'],
    [
      'a file of 10 MB',
      () => file('big.txt', Buffer.alloc(10 * 1024 * 1024, 'a')),
      'is larger than the 5 MB limit',
    ],
  ])('refuses %s with one line and exit 1', (_what, path, problem) => {
    const article = path();
    const { status, stdout, stderr } = ingest([article]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ingest: ${article} ${problem}\n`);
  });

  it.each([
    [[]],
    [['a.txt', 'b.txt']],
    [['a.txt', '--year', 'soon']],
    [['a.txt', '--frobnicate']],
    [['a.txt', '--out']],
  ])('exits 2 with the usage for %j', (args) => {
    const { status, stderr } = ingest(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^ingest: .*\nusage: npm run ingest -- ARTICLE\.txt/);
    noStackTrace(stderr);
  });

  it('exits 2 when the article gives no year and --year is missing', () => {
    const article = file('undated.txt', 'Cooperation highlights\n\nPakistan received vaccines.\n');
    const { status, stderr } = ingest([article, '--out', join(dir, 'undated.yaml')]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `ingest: ${article}: cannot tell which year the article is about: pass --year YYYY\n`,
    );
  });
});
