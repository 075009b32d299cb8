import { useState } from 'react';
import type { ChoroplethClass } from '../../domain/choropleth.ts';
import './legend.css';

export interface LegendProps {
  classes: readonly ChoroplethClass[];
}

/** What the colours and marks mean, including why some points are hollow. */
export function Legend({ classes }: LegendProps) {
  // Folded on phones, where it would cover much of the map; one tap opens it.
  const [open] = useState(() => !window.matchMedia('(max-width: 700px)').matches);
  return (
    <details className="legend" open={open}>
      <summary className="legend-title">Legend: events shared with China</summary>
      <ul className="legend-classes">
        {classes.map((c) => (
          <li key={c.label}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <span className="swatch swatch-host" aria-hidden="true" />
          China
        </li>
      </ul>
      <ul className="legend-marks">
        <li>
          <span className="mark mark-day" aria-hidden="true" /> Exact date
        </li>
        <li>
          <span className="mark mark-month" aria-hidden="true" /> Month only
        </li>
        <li>
          <span className="mark mark-year" aria-hidden="true" /> Year only (date not reported)
        </li>
      </ul>
    </details>
  );
}
