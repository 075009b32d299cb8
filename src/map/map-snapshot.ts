import type { AtlasMap } from './atlas-map.ts';

// The live map, for exporting what it shows (the PNG download). Set by MapView, so a feature can
// ask for the map's pixels without holding the map or importing MapLibre.

let live: AtlasMap | null = null;

export function setLiveMap(atlas: AtlasMap | null): void {
  live = atlas;
}

export function clearLiveMap(atlas: AtlasMap): void {
  if (live === atlas) live = null;
}

export interface MapSnapshot {
  image: HTMLCanvasElement;
  /** The map's size on screen, in CSS pixels. */
  width: number;
  height: number;
}

/** The map as framed now, drawn at `scale` times its on-screen size; null where no map is drawn. */
export async function snapshotMap(scale: number): Promise<MapSnapshot | null> {
  const atlas = live;
  if (!atlas) return null;
  const { width, height } = atlas.size();
  if (width === 0 || height === 0) return null;
  const image = await atlas.snapshot(scale);
  return { image, width, height };
}
