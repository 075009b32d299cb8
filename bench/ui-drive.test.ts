import { describe, expect, it } from 'vitest';
import { uiResult } from './ui-drive.ts';

describe('uiResult', () => {
  const tasks = [
    { start: 5, duration: 120 },
    { start: 105, duration: 60 },
    { start: 130, duration: 40 },
    { start: 310, duration: 90 },
  ];

  it('sums the time past 50 ms of each long task', () => {
    const result = uiResult(tasks, 36);
    expect(result).toEqual({ windowChanges: 36, longTasks: 4, maxTaskMs: 120, blockingMs: 120 });
  });

  it('splits the blocking time by the step each task began in, the span’s edge to the first', () => {
    const steps: [string, number][] = [
      ['keys', 10],
      ['drag', 100],
      ['checkbox', 200],
      ['search', 300],
    ];
    expect(uiResult(tasks, 36, steps).blockingByStep).toEqual({
      keys: 70,
      drag: 10,
      checkbox: 0,
      search: 40,
    });
  });
});
