import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { formatEventDate } from '../../domain/dates.ts';
import { compactPartnersText } from '../../domain/event-description.ts';
import { KIND_LABELS } from '../../domain/filter-labels.ts';
import type { ExportSource, TableOrder } from './export-view.ts';
import { exportedEvents, summaryOf } from './export-view.ts';
import './print.css';

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

  const summary = summaryOf(source);
  const events = exportedEvents(source, false, order);
  return (
    <section className="print-summary" aria-label="Printed summary">
      <p className="print-view">
        <strong>{summary.count}</strong>
        {summary.filters.length > 0 ? ` · Filters: ${summary.filters.join(' · ')}` : ' · No filters'}
        {` · ${summary.window}`}
      </p>
      <p className="print-link">This view: {viewUrl}</p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Kind</th>
            <th scope="col">Partners</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatEventDate(event.date)}</td>
              <td>{event.title}</td>
              <td>{KIND_LABELS[event.kind]}</td>
              <td>{compactPartnersText(event, 6)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p>No events are in this view.</p>}
      <p className="print-credit">
        Source: “{source.dataset.source.title}”, China Military Online, {source.dataset.source.published}.
        Boundaries: Natural Earth.
      </p>
    </section>
  );
}
