import type { ChoroplethClass } from '../../domain/choropleth.ts';
import { memberOnlyColor } from '../../domain/choropleth.ts';
import './legend.css';
import { useWords } from '../../i18n/use-words.ts';

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
  const { t } = useWords();
  return (
    <section className={`legend${compact ? ' legend--compact' : ''}`} aria-label={t('legend.label')}>
      <p className="legend-title">{t('legend.title')}</p>
      <ul className="legend-classes">
        {classes.map((c) => (
          <li key={c.label}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <span className="swatch swatch-host" aria-hidden="true" />
          {t('legend.china')}
        </li>
        <li>
          <span
            className="swatch swatch-member"
            style={{ background: classes[0] ? memberOnlyColor(classes[0].color) : undefined }}
            aria-hidden="true"
          />
          {compact ? t('legend.memberShort') : t('legend.member')}
        </li>
      </ul>
      {!compact && (
        <ul className="legend-marks">
          <li>
            <span className="mark mark-day" aria-hidden="true" /> {t('legend.day')}
          </li>
          <li>
            <span className="mark mark-month" aria-hidden="true" /> {t('legend.month')}
          </li>
          <li>
            <span className="mark mark-year" aria-hidden="true" /> {t('legend.year')}
          </li>
        </ul>
      )}
    </section>
  );
}
