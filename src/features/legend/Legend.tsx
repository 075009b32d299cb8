import type { ChoroplethClass } from '../../domain/choropleth.ts';
import { memberOnlyColor } from '../../domain/choropleth.ts';
import './legend.css';

export interface LegendProps {
  classes: readonly ChoroplethClass[];
  /** One or two short lines for small maps (phones, embeds): still always visible. */
  compact?: boolean;
}

/**
 * What the colours and marks mean. Always shown: a map whose dark blue has no key cannot be
 * read, so on small maps the legend shrinks instead of folding away.
 */
export function Legend({ classes, compact = false }: LegendProps) {
  return (
    <section className={`legend${compact ? ' legend--compact' : ''}`} aria-label="Legend">
      <p className="legend-title">Events shared with China</p>
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
        <li>
          <span
            className="swatch swatch-member"
            style={{ background: classes[0] ? memberOnlyColor(classes[0].color) : undefined }}
            aria-hidden="true"
          />
          {compact ? 'Member only' : 'Only as member of a group'}
        </li>
      </ul>
      {!compact && (
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
      )}
    </section>
  );
}
