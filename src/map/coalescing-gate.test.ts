import { describe, expect, it } from 'vitest';
import { CoalescingGate, type GateTimer } from './coalescing-gate.ts';

/** A gate with a clock the test moves by hand. */
function setup(maxWaitMs = 1000) {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextTimer = 0;
  const timer: GateTimer = {
    setTimeout: (run, ms) => {
      timers.set(++nextTimer, { at: now + ms, run });
      return nextTimer;
    },
    clearTimeout: (id) => timers.delete(id as number),
  };
  const given: string[] = [];
  const gate = new CoalescingGate<string>((value) => given.push(value), maxWaitMs, timer);
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > now) continue;
      timers.delete(id);
      t.run();
    }
  };
  return { gate, given, advance, timers: () => timers.size };
}

describe('CoalescingGate', () => {
  it('gives a change at once when the map has drawn the last', () => {
    const { gate, given } = setup();
    gate.offer('kind: exercise');
    gate.drawn();
    gate.offer('kind: all');
    expect(given).toEqual(['kind: exercise', 'kind: all']);
    expect(gate.holding()).toBe(false);
  });

  it('keeps the letters typed while the map draws, and gives only the latest when it is done', () => {
    const { gate, given } = setup();
    gate.offer('r');
    for (const text of ['ru', 'rus', 'russ']) gate.offer(text);
    expect(given).toEqual(['r']);
    expect(gate.holding()).toBe(true);
    gate.drawn();
    expect(given).toEqual(['r', 'russ']);
    gate.offer('russi');
    gate.offer('russia');
    gate.drawn();
    expect(given).toEqual(['r', 'russ', 'russia']);
    gate.drawn();
    expect(given).toEqual(['r', 'russ', 'russia']);
    expect(gate.holding()).toBe(false);
  });

  it('gives what waits after the longest wait, when the map never settles', () => {
    const { gate, given, advance } = setup(1000);
    gate.offer('a');
    advance(400);
    gate.offer('b');
    advance(500);
    gate.offer('c');
    advance(499);
    expect(given).toEqual(['a']);
    advance(1);
    expect(given).toEqual(['a', 'c']);
    // Still drawing: the next change waits again, from its own offer.
    gate.offer('d');
    advance(999);
    expect(given).toEqual(['a', 'c']);
    advance(1);
    expect(given).toEqual(['a', 'c', 'd']);
  });

  it('gives an urgent change at once, in place of what waited', () => {
    const { gate, given, advance, timers } = setup();
    gate.offer('r');
    gate.offer('ru');
    gate.offer('selected', true);
    expect(given).toEqual(['r', 'selected']);
    expect(gate.holding()).toBe(false);
    expect(timers()).toBe(0);
    gate.drawn();
    advance(5000);
    expect(given).toEqual(['r', 'selected']);
  });

  it('forgets what waits when dropped', () => {
    const { gate, given, advance } = setup();
    gate.offer('r');
    gate.offer('ru');
    gate.drop();
    gate.drawn();
    advance(5000);
    expect(given).toEqual(['r']);
  });
});
