// The map is kept at most one filter behind what was asked: a change that comes while it still
// draws the last one waits, and when the map is done (idle) only the latest waiting change is
// given. At 50,000 events a filter re-tiles every event, a second or so of work for the page,
// MapLibre's worker and the GPU process sharing two cores; typing "russia" letter by letter asked
// for six, each drawn in full, and each key waited behind the last one's drawing. A machine
// that draws a change before the next comes holds nothing back.

/** The longest a change waits for the map, in ms: a map that never settles (a playing timeline) still gets it. */
export const MAX_WAIT_MS = 1000;

export interface GateTimer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const browserTimer: GateTimer = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class CoalescingGate<T> {
  private drawing = false;
  private waiting: { value: T } | undefined;
  private waitTimer: unknown;

  /** `give` gets each value that passes the gate, in order; the map draws it from then on. */
  constructor(
    private readonly give: (value: T) => void,
    private readonly maxWaitMs = MAX_WAIT_MS,
    private readonly timers: GateTimer = browserTimer,
  ) {}

  /**
   * Gives `value` now if nothing is being drawn (or it is `urgent`); otherwise it waits, in place
   * of whatever waited, for `drawn()` or for the longest wait.
   */
  offer(value: T, urgent = false): void {
    if (urgent || !this.drawing) {
      this.drop();
      this.pass(value);
      return;
    }
    this.waiting = { value };
    if (this.waitTimer === undefined) {
      this.waitTimer = this.timers.setTimeout(() => this.passWaiting(), this.maxWaitMs);
    }
  }

  /** The map has drawn what it was given: the latest waiting value, if any, is given now. */
  drawn(): void {
    this.drawing = false;
    this.passWaiting();
  }

  /** Whether a value waits for the map. */
  holding(): boolean {
    return this.waiting !== undefined;
  }

  /** The value that waits, if any. */
  waitingValue(): T | undefined {
    return this.waiting?.value;
  }

  /** Forgets what waits (the map is going away). */
  drop(): void {
    if (this.waitTimer !== undefined) this.timers.clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    this.waiting = undefined;
  }

  private passWaiting() {
    const waiting = this.waiting;
    this.drop();
    if (waiting) this.pass(waiting.value);
  }

  private pass(value: T) {
    this.drawing = true;
    this.give(value);
  }
}
