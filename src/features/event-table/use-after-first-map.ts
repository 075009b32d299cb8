import { useEffect, useState } from 'react';
import { afterFirstMap } from '../../map/first-map-settled.ts';

/** Once true for the page, a list mounted later (an embed's list unfolded) need not wait. */
let firstMapPassed = false;

/**
 * False until the page's first map has settled and the page has had an idle moment, then true for
 * good. The event list waits for it: sorting and laying out 50,000 rows is work the first view
 * does not need, and on 2 cores it is taken from the map that the first view does need.
 */
export function useAfterFirstMap(): boolean {
  const [passed, setPassed] = useState(firstMapPassed);
  useEffect(() => {
    if (passed) return;
    let mounted = true;
    afterFirstMap(() => {
      firstMapPassed = true;
      if (mounted) setPassed(true);
    });
    return () => {
      mounted = false;
    };
  }, [passed]);
  return passed;
}
