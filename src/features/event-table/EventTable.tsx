import type { Range } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SortDirection, SortKey } from '../../domain/event-description.ts';
import {
  compactPartnersText,
  formatCompactDate,
  sortedPositions,
  themeTitle,
} from '../../domain/event-description.ts';
import type { AtlasEvent, Theme } from '../../domain/event-schema.ts';
import { kindLabel } from '../../domain/filter-labels.ts';
import './event-table.css';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useWords } from '../../i18n/use-words.ts';
import { localized } from '../../i18n/words.ts';
import { useAfterFirstMap } from './use-after-first-map.ts';

export interface EventTableProps {
  /** The whole dataset's events: sorted once per sort order, whatever the filters. */
  events: readonly AtlasEvent[];
  /**
   * Positions in `events` of the events to list (those passing the filters, as filterAndCount's
   * shownIndexes give them), in any order; every event when omitted.
   */
  shown?: ArrayLike<number>;
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
const NO_POSITIONS = new Int32Array(0);
const ROW_ESTIMATE = 44;
const PAGE = 10;
/**
 * How long a keyboard move keeps trying to give its row the focus, in ms, retrying at every frame
 * and every render. Counted in time, not frames: what brings the row (the virtualizer's scroll, a
 * render behind a deferred one at 50,000 events) takes time on a slow machine, however many
 * frames pass meanwhile.
 */
const FOCUS_WAIT_MS = 2_000;

function nothingFocused(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** The focus is still where a pending move may take it from: on a row of the list, or nowhere. */
function focusStillOurs(list: HTMLElement | null): boolean {
  const body = list?.querySelector('tbody');
  return nothingFocused() || (body?.contains(document.activeElement) ?? false);
}

// A real <table> whose body is virtualised: only rows near the view are in the DOM, between two
// spacer rows that keep the scroll height; aria-rowcount/aria-rowindex tell assistive technology
// the whole size. Rows use a roving tabindex (one tab stop, arrows move) and the focused row is
// always kept rendered, so focus never falls to <body> when it scrolls out of view.
export function EventTable({ events, shown, themes, selectedId, onSelect, onSortChange }: EventTableProps) {
  const words = useWords();
  const { t } = words;
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'date',
    direction: 'asc',
  });
  const reportSort = useEffectEvent((current: typeof sort) => onSortChange?.(current));
  useEffect(() => reportSort(sort), [sort]);
  // The dataset is sorted once per sort order, as positions, and each filter change only keeps
  // the shown positions in that order: linear and allocating one typed array, where re-sorting
  // or even looking up 50,000 events per move of the timeline would hold the main thread.
  // The first sort waits for the first map (useAfterFirstMap): the list fills a moment after it.
  const listReady = useAfterFirstMap();
  const positionsInOrder = useMemo(
    () => (listReady ? sortedPositions(events, sort.key, sort.direction) : NO_POSITIONS),
    [listReady, events, sort],
  );
  const rows = useMemo(() => {
    if (!shown || shown.length === events.length || positionsInOrder.length === 0) return positionsInOrder;
    const listed = new Uint8Array(events.length);
    for (let i = 0; i < shown.length; i++) listed[shown[i] as number] = 1;
    const kept = new Int32Array(shown.length);
    let count = 0;
    for (let i = 0; i < positionsInOrder.length; i++) {
      const position = positionsInOrder[i] as number;
      if (listed[position] === 1) kept[count++] = position;
    }
    return kept.subarray(0, count);
  }, [positionsInOrder, shown, events]);
  const eventAt = (index: number) => events[rows[index] ?? -1];
  const selectedIndex = useMemo(() => {
    const position = selectedId === null ? -1 : events.findIndex((e) => e.id === selectedId);
    return position < 0 ? -1 : rows.indexOf(position);
  }, [events, rows, selectedId]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));
  /**
   * A keyboard move (or a lost focus) that still owes a row the focus: which row, and until when
   * (ms). The row travels with the move: an effect of a render from before the key (its
   * passive effects can run after the key's handler, on a loaded machine) would otherwise see
   * its own active row, already focused, and settle the move there.
   */
  const focusPending = useRef<{ index: number; until: number } | null>(null);
  // The row that has the keyboard focus, kept while it does and after a render removed it.
  const focusedRow = useRef<HTMLElement | null>(null);

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

  // Rows are keyed by their index (the virtualizer's default), not by event id: on every change of
  // the filters it rebuilds its measurements of every row (50,000 at most), and string keys made
  // that a hash lookup a row. A rendered row is measured again anyway, so a height remembered
  // for another event at that index lasts until the row is drawn.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
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

  // Focus follows the active row. A move by keyboard waits for the row to be in the page (the
  // virtualizer may draw it a frame or two after the key) and holds until the row has the focus.
  // And when a render replaces the row that had the focus, the focus goes to the active row
  // instead of falling to <body>, where the next key would be lost.
  useEffect(() => {
    const focusLost = focusedRow.current !== null && !focusedRow.current.isConnected && nothingFocused();
    if (focusPending.current === null && !focusLost) return;
    // A later render retries the same move until its deadline: the row may arrive with it.
    focusPending.current ??= { index: active, until: performance.now() + FOCUS_WAIT_MS };
    focusedRow.current = null;
    let frame = 0;
    const focusActiveRow = () => {
      const pending = focusPending.current;
      // The reader has put the focus somewhere else meanwhile: the move is theirs to drop.
      if (pending === null || !focusStillOurs(scrollRef.current)) {
        focusPending.current = null;
        return;
      }
      const index = Math.min(pending.index, Math.max(rows.length - 1, 0));
      const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
      row?.focus({ preventScroll: true });
      const focused = row != null && document.activeElement === row;
      if (focused || performance.now() > pending.until) focusPending.current = null;
      else frame = requestAnimationFrame(focusActiveRow);
    };
    focusActiveRow();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    focusPending.current = { index: next, until: performance.now() + FOCUS_WAIT_MS };
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
    const event = eventAt(item.index);
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
        <table
          aria-label={t('table.label')}
          aria-rowcount={rows.length > 0 ? rows.length + 1 : undefined}
          aria-busy={listReady ? undefined : true}
        >
          <caption className="visually-hidden">
            {listReady
              ? t('table.caption', {
                  count: rows.length,
                  column: sortColumn.toLowerCase(),
                  direction: sort.direction,
                })
              : t('table.waiting')}
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
          <tbody
            onFocus={(event) => {
              focusedRow.current = event.target.closest('tr');
            }}
            onBlur={() => {
              // Chromium blurs a row as it is removed, while it is still in the page: only a row
              // still there once the removal is done was left by the reader's choice.
              const row = focusedRow.current;
              queueMicrotask(() => {
                if (row?.isConnected && focusedRow.current === row) focusedRow.current = null;
              });
            }}
          >
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMN_COUNT} className="event-table__empty">
                  {t(listReady ? 'table.empty' : 'table.waiting')}
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
