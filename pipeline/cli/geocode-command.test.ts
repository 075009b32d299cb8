import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capturedIo } from './command-io.ts';
import { geocodeCommand } from './geocode-command.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function geocode(...args: string[]) {
  const io = capturedIo(ROOT);
  const status = geocodeCommand(args, io);
  const lines = io
    .out()
    .split('\n')
    .filter((line) => line !== '');
  return { status, results: lines.map((line) => JSON.parse(line)), stderr: io.err() };
}

describe('npm run geocode', () => {
  it('prints one JSON line per name and exits 0 when all resolve', () => {
    const { status, results } = geocode('Northern Macedonia', 'Republic of Congo', 'RUS');
    expect(status).toBe(0);
    expect(results).toEqual([
      { input: 'Northern Macedonia', status: 'ok', iso3: 'MKD', name: 'North Macedonia' },
      { input: 'Republic of Congo', status: 'ok', iso3: 'COG', name: 'Republic of the Congo' },
      { input: 'RUS', status: 'ok', iso3: 'RUS', name: 'Russia' },
    ]);
  });

  it('exits 1 when a name is ambiguous, still answering the rest', () => {
    const { status, results } = geocode('Guinea', 'Congo');
    expect(status).toBe(1);
    expect(results).toEqual([
      { input: 'Guinea', status: 'ok', iso3: 'GIN', name: 'Guinea' },
      { input: 'Congo', status: 'ambiguous', candidates: ['COG', 'COD'] },
    ]);
  });

  it('exits 1 for an unknown name', () => {
    const { status, results } = geocode('Atlantis');
    expect(status).toBe(1);
    expect(results).toEqual([{ input: 'Atlantis', status: 'unknown' }]);
  });

  it('expands an organisation at --date', () => {
    const before = geocode('--date', '2021-07-28', 'SCO').results[0];
    const after = geocode('--date=2024-08-01', 'SCO').results[0];
    expect(before).toMatchObject({ status: 'group', date: '2021-07-28' });
    expect(before.members).toHaveLength(8);
    expect(before.members).not.toContain('IRN');
    expect(after.members).toHaveLength(10);
    expect(after.members).toEqual(expect.arrayContaining(['IRN', 'BLR']));
  });

  it.each([[[]], [['--date', '2021-13-01', 'SCO']], [['--date']], [['--frobnicate', 'Russia']]])(
    'exits 2 with usage on stderr for %j',
    (args) => {
      const { status, results, stderr } = geocode(...args);
      expect(status).toBe(2);
      expect(results).toEqual([]);
      expect(stderr).toMatch(/^geocode: .*\nusage: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );
});
