// Kept apart from atlas-map.ts (which imports maplibre-gl) so the page's entry can ask it
// without loading MapLibre first.

/**
 * Whether the browser has WebGL at all. Deliberately not a trial context: making one costs
 * 100 ms or more where WebGL is drawn by the CPU, and the map makes its own anyway. Where WebGL
 * exists but is switched off, the map's constructor throws, and the view falls back then.
 */
export function webglSupported(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined' || typeof WebGLRenderingContext !== 'undefined';
}
