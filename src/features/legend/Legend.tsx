import type { ChoroplethClass } from '../../domain/choropleth.ts';
import './legend.css';

export interface LegendProps {
  classes: readonly ChoroplethClass[];
}

/** What the colours and marks mean, including why some points are hollow. */
export function Legend({ classes }: LegendProps) {
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="legend-title">Events shared with China</h2>
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
    </section>
  );
}
