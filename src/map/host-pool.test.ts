import { describe, expect, it } from 'vitest';
import { createHostPool } from './host-pool.ts';

function setup() {
  const destroyed: string[] = [];
  const tasks: (() => void)[] = [];
  const pool = createHostPool<string>(
    (host) => destroyed.push(host),
    (task) => tasks.push(task),
  );
  const runTasks = () => {
    for (const task of tasks.splice(0)) task();
  };
  return { pool, destroyed, runTasks };
}

describe('createHostPool', () => {
  it('hands an early map to the view that claims it, once', () => {
    const { pool, destroyed } = setup();
    pool.hold('early');
    expect(pool.claim(() => true)).toBe('early');
    expect(pool.claim(() => true)).toBeNull();
    expect(destroyed).toEqual([]);
  });

  it('destroys an early map made after a view already made its own', () => {
    const { pool, destroyed } = setup();
    expect(pool.claim(() => true)).toBeNull();
    pool.hold('late');
    expect(destroyed).toEqual(['late']);
    expect(pool.peek()).toBeNull();
  });

  it('lets the data reach the waiting map without taking it from the view', () => {
    const { pool } = setup();
    expect(pool.peek()).toBeNull();
    pool.hold('early');
    expect(pool.peek()).toBe('early');
    expect(pool.claim(() => true)).toBe('early');
    expect(pool.peek()).toBeNull();
  });

  it("survives StrictMode's unmount and remount: the same map comes back, never destroyed", () => {
    const { pool, destroyed, runTasks } = setup();
    pool.hold('early');
    const first = pool.claim(() => true);
    pool.release(first as string);
    const again = pool.claim(() => true);
    runTasks();
    expect(again).toBe('early');
    expect(destroyed).toEqual([]);
  });

  it('destroys a map handed back and not claimed by the next task', () => {
    const { pool, destroyed, runTasks } = setup();
    pool.release('map');
    runTasks();
    expect(destroyed).toEqual(['map']);
    expect(pool.claim(() => true)).toBeNull();
  });

  it('destroys a waiting map that does not fit the view asking, and one discarded', () => {
    const { pool, destroyed } = setup();
    pool.hold('cooperative');
    expect(pool.claim((host) => host !== 'cooperative')).toBeNull();
    pool.hold('other');
    pool.discard();
    expect(destroyed).toEqual(['cooperative', 'other']);
  });

  it('a later release is not destroyed by an earlier release’s deferred clean-up', () => {
    const { pool, destroyed, runTasks } = setup();
    pool.release('map');
    const claimed = pool.claim(() => true) as string;
    pool.release(claimed);
    expect(pool.claim(() => true)).toBe('map');
    runTasks();
    expect(destroyed).toEqual([]);
  });
});
