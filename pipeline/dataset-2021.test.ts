import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDataset } from './build-dataset.ts';
import { defaultGeocoder } from './gazetteer/load-gazetteer.ts';

// Checks of the 2021 dataset itself: corrections that must not come back.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readYaml = (path: string) => ({ path, content: parse(readFileSync(resolve(ROOT, path), 'utf8')) });
const { dataset, problems } = buildDataset(
  readYaml('data/article.yaml'),
  [readYaml('data/events/2021.yaml')],
  defaultGeocoder(),
);
const events = dataset?.events ?? [];
const byId = (id: string) => {
  const event = events.find((e) => e.id === id);
  if (!event) throw new Error(`no event ${id}`);
  return event;
};

describe('the 2021 dataset', () => {
  it('builds without problems', () => {
    expect(problems).toEqual([]);
  });

  it('gives every event its title and summary in Chinese', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const zh = event.i18n?.zh;
      expect(zh?.title, event.id).toMatch(/\p{Script=Han}/u);
      expect(zh?.summary, event.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives the article title and every theme in Chinese', () => {
    expect(dataset?.source.i18n?.zh?.title).toBe('二〇二一年中国军队国际军事合作亮点');
    expect(dataset?.themes).toHaveLength(7);
    for (const theme of dataset?.themes ?? []) {
      expect(theme.i18n?.zh?.title, `theme ${theme.id}`).toMatch(/\p{Script=Han}/u);
    }
  });

  it('uses the official Chinese names of the exercises and meetings', () => {
    const zhTitle = (id: string) => byId(id).i18n?.zh?.title ?? '';
    expect(zhTitle('peace-mission-2021')).toContain('和平使命-2021');
    expect(zhTitle('joint-sea-2021')).toContain('海上联合-2021');
    expect(zhTitle('zapad-interaction-2021')).toContain('西部·联合-2021');
    expect(zhTitle('shared-destiny-2021')).toContain('共同命运-2021');
    expect(zhTitle('peace-rescue-2021')).toContain('和平救援-2021');
    expect(zhTitle('army-games-2021-korla')).toContain('国际军事比赛-2021');
  });

  it('counts unnamed partners besides the named ones, never twice', () => {
    const forum = byId('china-africa-military-medicine-forum-2021');
    expect(forum.partners.length + (forum.unnamedPartners?.count ?? 0)).toBe(19);
    const ministerial = byId('un-peacekeeping-ministerial-4');
    expect(ministerial.partners.length + (ministerial.unnamedPartners?.count ?? 0)).toBe(155);
  });

  it('cites a report other than the article for every reported partner', () => {
    for (const event of events) {
      for (const partner of event.partners.filter((p) => p.basis === 'reported')) {
        expect(partner.source, `${event.id}: ${partner.name}`).not.toBe('article');
      }
    }
  });

  it('draws no event at a made-up point', () => {
    for (const event of events) {
      expect(event.location?.name ?? '', event.id).not.toMatch(
        /recipient capitals|place not given|venue not given|various places/i,
      );
    }
  });

  it('does not say Russian troops exercised on Chinese soil for the first time', () => {
    const zapad = byId('zapad-interaction-2021');
    expect(zapad.summary).not.toMatch(/chinese soil/i);
    expect(zapad.summary).toMatch(/first time/);
  });

  it('gives an event for every highlight the article mentions, unnamed countries included', () => {
    expect(byId('centenary-congratulations-2021').unnamedPartners).toMatchObject({ approximate: true });
    expect(byId('wei-fenghe-visits-other-neighbours-2021').unnamedPartners?.count).toBeUndefined();
  });
});

// The article, read from the shared folder beside the repository (never copied into it).
const SEED = resolve(ROOT, '..', 'shared', 'seeds', '000_9ffac5d15d52c637.txt');
const present = existsSync(SEED);
if (!present) console.warn(`dataset: skipping the own-words check: ${SEED} is absent`);

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean);

/** The longest run of consecutive words that `text` shares with `source`. */
function longestSharedRun(text: string, source: string): string {
  const sourceWords = words(source).join(' ');
  const textWords = words(text);
  let best = '';
  for (let i = 0; i < textWords.length; i++) {
    for (let j = i + best.split(' ').length + 1; j <= textWords.length; j++) {
      const run = textWords.slice(i, j).join(' ');
      if (!` ${sourceWords} `.includes(` ${run} `)) break;
      best = run;
    }
  }
  return best;
}

describe.skipIf(!present)('the 2021 dataset in our own words', () => {
  const article = present ? readFileSync(SEED, 'utf8') : '';

  // Titles are names (of exercises, forums), which are facts; summaries are our sentences.
  it('shares no run of eight or more words with the article in any summary', () => {
    for (const event of events) {
      const run = longestSharedRun(event.summary, article);
      expect(run.split(' ').length, `${event.id}: "${run}"`).toBeLessThan(8);
    }
  });

  it('would catch a copied sentence', () => {
    expect(
      longestSharedRun(
        'They held interviews with military attachés and international military students from 14 countries.',
        article,
      ).split(' ').length,
    ).toBeGreaterThanOrEqual(8);
  });
});
