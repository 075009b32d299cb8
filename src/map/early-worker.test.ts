import { afterEach, describe, expect, it, vi } from 'vitest';

// Workers need a browser: a recording stand-in for the constructor, so the hand-over runs in Node.
class FakeWorker {
  static made: FakeWorker[] = [];
  constructor(
    readonly url: string | URL,
    readonly options?: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
}

async function freshPage() {
  vi.resetModules();
  FakeWorker.made = [];
  const page = { Worker: FakeWorker as unknown as typeof Worker };
  vi.stubGlobal('window', page);
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('document', { baseURI: 'https://atlas.example/app/' });
  const module = await import('./early-worker.ts');
  return { page, ...module };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startMapWorkerEarly', () => {
  it('starts MapLibre’s worker as a module worker at once', async () => {
    const { startMapWorkerEarly, mapWorkerUrl } = await freshPage();
    startMapWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.url).toBe(mapWorkerUrl);
    expect(FakeWorker.made[0]?.options).toEqual({ type: 'module' });
  });

  it('hands that worker to the first request for it, by relative or absolute URL', async () => {
    const { page, startMapWorkerEarly, mapWorkerUrl } = await freshPage();
    startMapWorkerEarly();
    const early = FakeWorker.made[0];
    const absolute = new URL(mapWorkerUrl, 'https://atlas.example/app/').href;
    const handed = new page.Worker(absolute, { type: 'module' });
    expect(handed).toBe(early);
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('hands it over once: a second request gets a new worker, and the page its own constructor back', async () => {
    const { page, startMapWorkerEarly, mapWorkerUrl } = await freshPage();
    startMapWorkerEarly();
    const first = new page.Worker(mapWorkerUrl, { type: 'module' });
    expect(page.Worker).toBe(FakeWorker);
    const second = new page.Worker(mapWorkerUrl, { type: 'module' });
    expect(second).not.toBe(first);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('leaves other workers alone', async () => {
    const { page, startMapWorkerEarly, mapWorkerUrl } = await freshPage();
    startMapWorkerEarly();
    const other = new page.Worker('/assets/other-worker.js', { type: 'module' });
    const classic = new page.Worker(mapWorkerUrl);
    expect(other).not.toBe(FakeWorker.made[0]);
    expect(classic).not.toBe(FakeWorker.made[0]);
    expect(FakeWorker.made).toHaveLength(3);
    expect(new page.Worker(mapWorkerUrl, { type: 'module' })).toBe(FakeWorker.made[0]);
  });

  it('does nothing where the browser has no workers', async () => {
    const { page, startMapWorkerEarly } = await freshPage();
    vi.stubGlobal('Worker', undefined);
    startMapWorkerEarly();
    expect(FakeWorker.made).toHaveLength(0);
    expect(page.Worker).toBe(FakeWorker);
  });
});
