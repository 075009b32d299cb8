import type { Range } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SortDirection, SortKey } from '../../domain/event-description.ts';
import {
  compactPartnersText,
  formatCompactDate,
  sortEvents,
  themeTitle,
} from '../../domain/event-description.ts';
import type { AtlasEvent, Theme } from '../../domain/event-schema.ts';
import { kindLabel } from '../../domain/filter-labels.ts';
import './event-table.css';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useWords } from '../../i18n/use-words.ts';
import { localized } from '../../i18n/words.ts';

export interface EventTableProps {
  /** The events to list: those passing the filters. */
  events: readonly AtlasEvent[];
  /** The whole dataset, when `events` is a subset of it (the same objects): enables a sort kept across filters. */
  allEvents?: readonly AtlasEvent[];
  themes: readonly Theme[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Told the order the table is sorted in, now and on every change (the data downloads keep it). */
  onSortChange?: (sort: { key: SortKey; direction: SortDirection }) => void;
}

const COLUMNS = [
  { key: 'date', label: 'table.date' },
  { key: 'title', label: 'table.title' },
  { key: 'kind', label: 'table.kind' },
] as const satisfies readonly { key: SortKey; label: MessageKey }[];
const COLUMN_COUNT = COLUMNS.length + 1;
const ROW_ESTIMATE = 44;
const PAGE = 10;

// A real <table> whose body is virtualised: only rows near the view are in the DOM, between two
// spacer rows that keep the scroll height; aria-rowcount/aria-rowindex tell assistive technology
// the whole size. Rows use a roving tabindex (one tab stop, arrows move) and the focused row is
// always kept rendered, so focus never falls to <body> when it scrolls out of view.
export function EventTable({
  events,
  allEvents,
  themes,
  selectedId,
  onSelect,
  onSortChange,
}: EventTableProps) {
  const words = useWords();
  const { t } = words;
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'date',
    direction: 'asc',
  });
  const reportSort = useEffectEvent((current: typeof sort) => onSortChange?.(current));
  useEffect(() => reportSort(sort), [sort]);
  // With the whole dataset given, it is sorted once per sort order and each filter change only
  // keeps the shown events in that order: linear, where re-sorting 50,000 rows per frame of a
  // timeline drag would not be.
  const sortSource = allEvents ?? events;
  const sortedAll = useMemo(() => sortEvents(sortSource, sort.key, sort.direction), [sortSource, sort]);
  // Each event's place in the whole dataset, and the sorted order as those places: a filter
  // change then marks the shown events in a flat array and reads the order once, instead of
  // hashing all 50,000 events into a set on every change.
  const positionOf = useMemo(() => new Map(allEvents?.map((event, i) => [event, i])), [allEvents]);
  const sortedPositions = useMemo(
    () => Int32Array.from(sortedAll, (event) => positionOf.get(event) ?? -1),
    [sortedAll, positionOf],
  );
  const rows = useMemo(() => {
    if (!allEvents || events.length === allEvents.length) return sortedAll;
    const shown = new Uint8Array(allEvents.length);
    for (const event of events) {
      const position = positionOf.get(event);
      if (position !== undefined) shown[position] = 1;
    }
    const kept: AtlasEvent[] = [];
    for (const position of sortedPositions) {
      const event = allEvents[position];
      if (shown[position] === 1 && event) kept.push(event);
    }
    return kept;
  }, [sortedAll, sortedPositions, positionOf, events, allEvents]);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((e) => e.id === selectedId)),
    [rows, selectedId],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));
  const focusPending = useRef(false);

  // The sticky header sits above the rows inside the scroll container; the virtualizer is told
  // about it so it neither counts it as list space nor scrolls a row underneath it.
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const measure = () => setHeadHeight(head.getBoundingClientRect().height);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [active],
  );

  // Stable between renders of the same rows: the virtualizer rebuilds its measurements of every
  // row (50,000 at most) whenever this function changes, and the table renders on each key.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    overscan: 8,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
  });

  // A selection made elsewhere (map, details panel, URL) brings its row into view and makes it
  // the row the keyboard starts from.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActiveIndex(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // Moving focus by keyboard waits for the row to be rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    focusPending.current = true;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        onSelect(id);
        break;
      case 'ArrowDown':
        event.preventDefault();
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(index - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        moveTo(index + PAGE);
        break;
      case 'PageUp':
        event.preventDefault();
        moveTo(index - PAGE);
        break;
      case 'Home':
        event.preventDefault();
        moveTo(0);
        break;
      case 'End':
        event.preventDefault();
        moveTo(rows.length - 1);
        break;
      default:
        break;
    }
  };

  const toggleSort = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc',
    }));

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  const sortColumn = t(COLUMNS.find((c) => c.key === sort.key)?.label ?? 'table.date');
  const ariaSort = (key: SortKey) =>
    sort.key !== key ? 'none' : sort.direction === 'asc' ? 'ascending' : 'descending';

  // Spacer rows stand in for the rows not rendered: before the first, between any two that are
  // not adjacent (the kept focused row), and after the last.
  const body: ReactNode[] = [];
  let cursor = 0;
  for (const item of items) {
    const start = item.start - headHeight;
    if (start > cursor) body.push(<SpacerRow key={`gap:${item.index}`} height={start - cursor} />);
    const event = rows[item.index];
    if (!event) continue;
    const selected = event.id === selectedId;
    const theme = themeTitle(themes, event.theme, words);
    const title = localized(event, 'title', words.language);
    body.push(
      // A focusable, clickable row is the ask: the table is the screen-reader route through the
      // data, and a row is the unit a reader selects. Enter and Space select as a click does.
      <tr
        key={item.key}
        ref={virtualizer.measureElement}
        data-index={item.index}
        data-event-id={event.id}
        aria-rowindex={item.index + 2}
        aria-selected={selected ? true : undefined}
        tabIndex={item.index === active ? 0 : -1}
        className={selected ? 'event-table__row is-selected' : 'event-table__row'}
        onClick={() => {
          setActiveIndex(item.index);
          onSelect(event.id);
        }}
        onKeyDown={(e) => onRowKeyDown(e, item.index, event.id)}
      >
        <td className="event-table__date">{formatCompactDate(event.date, words)}</td>
        <td className="event-table__title">
          <span lang={title.lang}>{title.text}</span>
          {theme && <span className="event-table__theme">{theme}</span>}
        </td>
        <td className="event-table__kind">{kindLabel(event.kind, words)}</td>
        <td className="event-table__partners">{compactPartnersText(event, 2, words)}</td>
      </tr>,
    );
    cursor = item.end - headHeight;
  }
  if (items.length > 0 && totalSize > cursor) {
    body.push(<SpacerRow key="gap:end" height={totalSize - cursor} />);
  }

  return (
    <div className="event-table">
      <div className="event-table__scroll" ref={scrollRef}>
        <table aria-label={t('table.label')} aria-rowcount={rows.length > 0 ? rows.length + 1 : undefined}>
          <caption className="visually-hidden">
            {t('table.caption', {
              count: rows.length,
              column: sortColumn.toLowerCase(),
              direction: sort.direction,
            })}
          </caption>
          <thead ref={headRef}>
            <tr aria-rowindex={rows.length > 0 ? 1 : undefined}>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" aria-sort={ariaSort(column.key)}>
                  <button type="button" className="event-table__sort" onClick={() => toggleSort(column.key)}>
                    {t(column.label)}
                    <span className="event-table__arrow" aria-hidden="true">
                      {sort.key !== column.key ? '↕' : sort.direction === 'asc' ? '▲' : '▼'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('table.partners')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMN_COUNT} className="event-table__empty">
                  {t('table.empty')}
                </td>
              </tr>
            ) : (
              body
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SpacerRow({ height }: { height: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable; hidden so it is not counted as a row
    <tr aria-hidden="true" className="event-table__spacer">
      <td colSpan={COLUMN_COUNT} style={{ height }} />
    </tr>
  );
}
