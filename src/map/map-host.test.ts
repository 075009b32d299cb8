import { describe, expect, it, vi } from 'vitest';

// MapLibre needs a browser: the map is a recording stand-in, so the hand-over rules run in Node.
vi.mock('./atlas-map.ts', () => ({
  AtlasMap: class {
    readonly calls: string[] = [];
    readonly cooperativeGestures = false;
    fitContainer() {
      this.calls.push('fit');
    }
    setEventFilter() {
      this.calls.push('filter');
    }
    setGlobalState() {
      this.calls.push('window');
    }
    setEvents() {
      this.calls.push('events');
    }
    destroy() {
      this.calls.push('destroy');
    }
  },
}));

// The hand-over state is the module's own: each test starts from a fresh page.
async function freshPage() {
  vi.resetModules();
  return import('./map-host.ts');
}

const view = {
  events: { points: { type: 'FeatureCollection' as const, features: [] }, eventIds: [] },
  filter: ['literal', true] as never,
  globalState: { from: 1, to: 2 },
};
const slot = () => ({ append: () => undefined }) as unknown as HTMLElement;
const options = {
  baseUrl: '/',
  camera: null,
  onStateChange() {},
  onSelectEvent() {},
  onSelectCountry() {},
  onUserCamera() {},
};

vi.stubGlobal('document', { createElement: () => ({ remove: () => undefined }) });

describe('the view offered to the map made while the data loads', () => {
  it('is kept, once, for a map made after the data is in', async () => {
    const { offerToWaitingMap, takeOfferedView } = await freshPage();
    offerToWaitingMap(view);
    expect(takeOfferedView()).toBe(view);
    expect(takeOfferedView()).toBeNull();
  });

  it('goes straight to a waiting map, refitted to its slot, filter and window before the events', async () => {
    const { createMapHost, holdEarlyMap, offerToWaitingMap, takeOfferedView } = await freshPage();
    const host = createMapHost(slot(), options);
    holdEarlyMap(host);
    offerToWaitingMap(view);
    expect((host.atlas as unknown as { calls: string[] }).calls).toEqual([
      'fit',
      'filter',
      'window',
      'events',
    ]);
    expect(takeOfferedView()).toBeNull();
  });

  it('is dropped once a view has claimed its map: no later map takes stale events', async () => {
    const { claimMapHost, offerToWaitingMap, takeOfferedView } = await freshPage();
    offerToWaitingMap(view);
    claimMapHost({ cooperativeGestures: false });
    expect(takeOfferedView()).toBeNull();
  });
});
