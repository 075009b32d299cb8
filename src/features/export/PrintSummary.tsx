import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { formatEventDate } from '../../domain/dates.ts';
import { compactPartnersText } from '../../domain/event-description.ts';
import { kindLabel } from '../../domain/filter-labels.ts';
import type { ExportSource, TableOrder } from './export-view.ts';
import { exportedEvents, summaryOf } from './export-view.ts';
import './print.css';
import { useWords } from '../../i18n/use-words.ts';
import { localized } from '../../i18n/words.ts';

/**
 * What a printout adds to the map and legend: the view in words, its link, and every event of
 * the view in a plain table (the screen's table is virtualised, so only some rows exist). It is
 * rendered only while printing, so a large dataset costs nothing on screen.
 */
export function PrintSummary({
  source,
  viewUrl,
  order,
}: {
  source: ExportSource;
  viewUrl: string;
  order: TableOrder;
}) {
  const [printing, setPrinting] = useState(false);
  const words = useWords();
  const { t } = words;
  useEffect(() => {
    // The print layout is made right after `beforeprint`: the rows must be in the page by then.
    const start = () => flushSync(() => setPrinting(true));
    const stop = () => setPrinting(false);
    const media = window.matchMedia('print');
    const onMedia = () => (media.matches ? start() : stop());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', stop);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', stop);
      media.removeEventListener('change', onMedia);
    };
  }, []);
  if (!printing) return null;

  const summary = summaryOf(source, false, words);
  const title = localized(source.dataset.source, 'title', words.language);
  const events = exportedEvents(source, false, order);
  return (
    <section className="print-summary" aria-label={t('print.label')}>
      <p className="print-view">
        <strong>{summary.count}</strong>
        {summary.filters.length > 0
          ? t('print.filters', { filters: summary.filters.join(' · ') })
          : t('print.noFilters')}
        {` · ${summary.window}`}
      </p>
      <p className="print-link">{t('print.link', { url: viewUrl })}</p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('table.date')}</th>
            <th scope="col">{t('print.event')}</th>
            <th scope="col">{t('table.kind')}</th>
            <th scope="col">{t('table.partners')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatEventDate(event.date, words)}</td>
              <td lang={localized(event, 'title', words.language).lang}>
                {localized(event, 'title', words.language).text}
              </td>
              <td>{kindLabel(event.kind, words)}</td>
              <td>{compactPartnersText(event, 6, words)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p>{t('print.empty')}</p>}
      <p className="print-credit">
        {t('print.credit', {
          title: title.text,
          published: formatEventDate(
            {
              start: source.dataset.source.published,
              end: source.dataset.source.published,
              precision: 'day',
            },
            words,
          ),
          attribution: t('map.attribution'),
        })}
      </p>
    </section>
  );
}
