import { describe, expect, it } from 'vitest';
import type { AtlasEvent } from './event-schema.ts';
import { REGION_EXTENTS, regionPoints } from './partner-regions.ts';

const withRegion = (region?: string) => ({ unnamedPartners: region ? { region } : undefined }) as AtlasEvent;

describe('regionPoints', () => {
  it('gives the corners of a named region, and nothing for an unknown or missing one', () => {
    expect(regionPoints([withRegion('Africa')])).toEqual(REGION_EXTENTS.Africa);
    expect(regionPoints([withRegion('Atlantis'), withRegion()])).toEqual([]);
  });
});
