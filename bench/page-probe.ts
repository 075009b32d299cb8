import type { Browser, BrowserContext } from '@playwright/test';
import { READY_MARKER_PATH } from './static-server.ts';

// Runs inside the page (installed with addInitScript before any page script), for the app and the
// baseline alike: it notes when the map is first ready, collects main-thread long tasks, and
// drives the time window the same way on both pages. Page-side code must be self-contained:
// Playwright ships it as source text.

export interface ScrubSample {
  /** rAF-to-rAF intervals in ms, one per frame of the sweep. */
  frames: number[];
  /** Window changes made (one per frame). */
  changes: number;
  start: number;
  end: number;
}

export interface BenchProbe {
  /** performance.now() (ms since navigation) when the map first reported ready; null before. */
  readyAt: number | null;
  failure: string | null;
  longTasks: { start: number; duration: number }[];
  mapSize(): { width: number; height: number } | null;
  /** Changes the window and waits until the map is idle again (and, in the app, says ready). */
  setWindowAndSettle(fromDay: number, toDay: number): Promise<void>;
  /** Each change timed from the call until the map is idle again. */
  filterLatency(windows: [number, number][]): Promise<number[]>;
  /** A window of `windowDays` swept across [startDay, endDay] in `durationMs`, one change per frame. */
  scrub(durationMs: number, windowDays: number, startDay: number, endDay: number): Promise<ScrubSample>;
  /**
   * `count` changes, `perFrame` to a frame, then waits for idle (for the heap check). Several to a
   * frame keep this short at 50,000 events, where one frame can take 300 ms on SwiftShader.
   */
  churn(count: number, perFrame: number, windowDays: number, startDay: number, endDay: number): Promise<void>;
  /** Waits until the map is idle again (and, in the app, says ready) after what the UI asked. */
  settleNow(): Promise<void>;
}

declare global {
  interface Window {
    __benchProbe?: BenchProbe;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`; the page
 * has no such helper, so this identity shim is installed before the probe.
 * https://github.com/evanw/esbuild/issues/2605
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/**
 * A fresh browser context (nothing cached) at the bench's window size, with the probe in every
 * page before the page's own scripts. Node side: every bench tool opens its pages this way.
 */
export async function probedContext(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 720 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  await context.addInitScript({
    content: `window.__benchReadyMarker = ${JSON.stringify(READY_MARKER_PATH)};`,
  });
  await context.addInitScript(installProbe);
  return context;
}

export function installProbe(): void {
  interface MapLike {
    once(type: 'idle'): Promise<unknown>;
    getContainer(): HTMLElement;
  }
  interface AppHook {
    map: MapLike;
    atlas: { setTimeWindow(fromDay: number, toDay: number): void };
  }
  interface BaselineHook {
    map: MapLike;
    setWindow(fromDay: number, toDay: number): Promise<void>;
  }
  const hooks = window as unknown as { __atlas?: AppHook; __bench?: BaselineHook };

  const probe: BenchProbe = {
    readyAt: null,
    failure: null,
    longTasks: [],
    mapSize() {
      const element = document.querySelector('[data-map-state]') ?? document.getElementById('map');
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return { width: Math.round(box.width), height: Math.round(box.height) };
    },
    async setWindowAndSettle(fromDay, toDay) {
      if (hooks.__atlas) {
        const { atlas, map } = hooks.__atlas;
        atlas.setTimeWindow(fromDay, toDay);
        await map.once('idle');
        await appReady();
      } else if (hooks.__bench) {
        await hooks.__bench.setWindow(fromDay, toDay);
      } else {
        throw new Error('neither window.__atlas nor window.__bench is there');
      }
    },
    async filterLatency(windows) {
      const times: number[] = [];
      for (const [from, to] of windows) {
        const t0 = performance.now();
        await probe.setWindowAndSettle(from, to);
        times.push(performance.now() - t0);
      }
      return times;
    },
    async scrub(durationMs, windowDays, startDay, endDay) {
      const frames: number[] = [];
      let changes = 0;
      const start = performance.now();
      await new Promise<void>((resolve) => {
        let last = -1;
        const frame = (now: number) => {
          if (last >= 0) frames.push(now - last);
          last = now;
          const progress = Math.min(1, (now - start) / durationMs);
          const from = startDay + Math.round(progress * (endDay - windowDays - startDay));
          change(from, from + windowDays);
          changes++;
          if (progress < 1) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      const end = performance.now();
      await settle();
      return { frames, changes, start, end };
    },
    async churn(count, perFrame, windowDays, startDay, endDay) {
      await new Promise<void>((resolve) => {
        let done = 0;
        const frame = () => {
          for (let i = 0; i < perFrame && done < count; i++, done++) {
            const from = startDay + ((done * 7) % Math.max(1, endDay - windowDays - startDay));
            change(from, from + windowDays);
          }
          if (done < count) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      await settle();
    },
    settleNow: () => Promise.resolve(),
  };

  /** The app's own signal: MapView's `data-map-state` back on `ready` after a change. */
  function appReady(): Promise<void> {
    const element = document.querySelector('[data-map-state]');
    if (!element || element.getAttribute('data-map-state') === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (element.getAttribute('data-map-state') !== 'ready') return;
        observer.disconnect();
        resolve();
      });
      observer.observe(element, { attributes: true, attributeFilter: ['data-map-state'] });
    });
  }

  /** Fire and forget, as a timeline drag does: no waiting between frames. */
  function change(fromDay: number, toDay: number) {
    if (hooks.__atlas) hooks.__atlas.atlas.setTimeWindow(fromDay, toDay);
    else void hooks.__bench?.setWindow(fromDay, toDay);
  }

  async function settle() {
    const map = hooks.__atlas?.map ?? hooks.__bench?.map;
    // A change made in the last frame has scheduled a render, so the next idle comes after it.
    await map?.once('idle');
    if (hooks.__atlas) await appReady();
  }

  // After a control: the change may not touch the map at all (a letter that filters nothing new),
  // and then no `idle` comes; a frame with the map not rendering is settled too.
  probe.settleNow = async () => {
    const map = (hooks.__atlas?.map ?? hooks.__bench?.map) as
      | (MapLike & { isMoving(): boolean; loaded(): boolean })
      | undefined;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (map && !map.loaded()) await map.once('idle');
    else await Promise.race([map?.once('idle'), new Promise((resolve) => setTimeout(resolve, 500))]);
    if (hooks.__atlas) await appReady();
  };
  window.__benchProbe = probe;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the scrub reports no long tasks rather than failing.
  }

  // Attribute changes only (no childList), so watching costs the app's rendering nothing: the
  // app's map element is inserted as `loading` and flips to `ready`; the baseline sets body[data-ready].
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as HTMLElement;
      const state = target.dataset.mapState;
      if (probe.readyAt === null && (state === 'ready' || target.dataset.ready === '1')) {
        probe.readyAt = performance.now();
        const marker = (window as unknown as { __benchReadyMarker?: string }).__benchReadyMarker;
        if (marker) void fetch(marker, { cache: 'no-store' }).catch(() => undefined);
      }
      if (state === 'error' || state === 'unsupported') probe.failure = `map state ${state}`;
      if (target.dataset.error) probe.failure = target.dataset.error;
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-map-state', 'data-ready', 'data-error'],
  });
}
