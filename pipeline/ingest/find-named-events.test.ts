import { describe, expect, it } from 'vitest';
import { findNamedEvents } from './find-named-events.ts';
import { normaliseSource } from './source-text.ts';

function named(original: string) {
  const { text } = normaliseSource(original);
  return findNamedEvents(text, { start: 0, end: text.length }).map((f) =>
    f.type === 'named' ? [f.name, f.head] : [],
  );
}

describe('findNamedEvents', () => {
  it('reads exercises named with a year and what the words after them say they are', () => {
    expect(
      named(
        'The Russian military joined the exercise Zapad/Interaction-2021, then the navies held the Joint Sea–2021 ' +
          'military exercise and the Peace Rescue 2021 joint medical exercise.',
      ),
    ).toEqual([
      ['Zapad/Interaction-2021', undefined],
      ['Joint Sea-2021', 'exercise'],
      ['Peace Rescue 2021', 'exercise'],
    ]);
  });

  it('reads meetings and forums by their head word, with an ordinal and a "meeting of the" in front', () => {
    expect(
      named(
        "He attended the 12th China-ASEAN Defense Ministers' Informal Meeting, the 8th ASEAN Defense Ministers' " +
          'Meeting-Plus, the meeting of the Council of Ministers of Defense of Shanghai Cooperation Organization (SCO) ' +
          'Member States, and held the video seminar of the Beijing Xiangshan Forum.',
      ),
    ).toEqual([
      ["12th China-ASEAN Defense Ministers' Informal Meeting", 'meeting'],
      ["8th ASEAN Defense Ministers' Meeting-Plus", 'meeting'],
      [
        'meeting of the Council of Ministers of Defense of Shanghai Cooperation Organization (SCO) Member States',
        'meeting',
      ],
      ['video seminar of the Beijing Xiangshan Forum', 'forum'],
    ]);
    expect(named('The International Army Games 2021 was held in four countries.')).toEqual([
      ['International Army Games 2021', 'competition'],
    ]);
  });

  it('does not take dates, titles of people or plain capitalised words for events', () => {
    expect(
      named(
        'In May 2021, Chinese State Councilor and Defense Minister General Wei Fenghe met the Central Military ' +
          'Commission. Editor Li Jiayao 2021-12-23. COVID-19 vaccines.',
      ),
    ).toEqual([]);
  });
});
