import type { AtlasEvent } from './event-schema.ts';

/**
 * The extent of a region an event's unnamed partners come from ("19 African countries"), as
 * corner points [west, south] and [east, north]: a camera framing the event shows the region,
 * not only the one partner it names. Regions the data names that are not here add nothing.
 */
export const REGION_EXTENTS: Readonly<Record<string, readonly [[number, number], [number, number]]>> = {
  Africa: [
    [-17.5, -34.8],
    [51.3, 37.3],
  ],
  "China's neighbourhood": [
    [60, -10],
    [145, 55],
  ],
};

/** Corner points of the regions the events' unnamed partners come from. */
export function regionPoints(events: readonly AtlasEvent[]): [number, number][] {
  return events.flatMap((event) => {
    const region = event.unnamedPartners?.region;
    const extent = region ? REGION_EXTENTS[region] : undefined;
    return extent ? [extent[0], extent[1]] : [];
  });
}
