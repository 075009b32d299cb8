import { scaleLinear, scaleUtc } from 'd3-scale';
import type { JSX, KeyboardEvent, PointerEvent } from 'react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { dayNumber } from '../../domain/dates.ts';
import type { IndexedEvent } from '../../domain/event-filter.ts';
import { windowLabel } from '../../domain/filter-labels.ts';
import type { Bin, Handle, TimeWindow } from '../../domain/time-window.ts';
import {
  atExtentEnd,
  extentMonths,
  formatDay,
  handleBoundary,
  handleRange,
  histogram,
  impreciseLane,
  isFullExtent,
  isHandleKey,
  moveHandle,
  overlapsWindow,
  placeHandle,
  playStart,
  sameWindow,
  shiftWindow,
  sweepProgress,
  sweepWindow,
  windowDays,
} from '../../domain/time-window.ts';
import './timeline.css';
import { useWords } from '../../i18n/use-words.ts';

export interface TimelineProps {
  /** All events (from indexEvents), for the histogram. */
  items: readonly IndexedEvent[];
  /** The indexes in `items` of those passing the other filters (not the time window): drawn over a faint full histogram. */
  shownIndexes?: ArrayLike<number>;
  /** The dataset's extent, e.g. 2021-01-01..2021-12-31. */
  extent: TimeWindow;
  window: TimeWindow;
  /** Whether month- and year-only events are included. */
  undated: boolean;
  onWindowChange: (window: TimeWindow) => void;
  onUndatedChange: (include: boolean) => void;
}

const DAY_MS = 86_400_000;
// Low, so the map keeps most of a laptop screen; the bars are a density strip, not a chart to read.
const CHART_HEIGHT = 44;
const AXIS_HEIGHT = 18;
const LANE_HEIGHT = 20;
/** A full sweep of the extent (a year) takes this long, slow enough to follow; a narrower start plays the rest. */
const SWEEP_MS = 20_000;
/** With reduced motion: a week per step instead of a smooth slide. */
const STEP_DAYS = 7;
const STEP_MS = 400;
/** Below this many pixels a month, only every other month is labelled. */
const MIN_LABELLED_MONTH_PX = 30;

const HANDLE_LABELS = { from: 'timeline.start', to: 'timeline.end' } as const satisfies Record<
  Handle,
  string
>;

/** The element's content width, kept current with a ResizeObserver. */
function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * Play: sweeps a window of fixed length through the extent. The sweep is computed from where it
 * started, not from the props it last sent, so a slow parent cannot make it drift or stall.
 */
function usePlayback(extent: TimeWindow, onWindowChange: (window: TimeWindow) => void) {
  const [playing, setPlaying] = useState(false);
  const start = useRef<TimeWindow | null>(null);
  const latest = useRef({ extent, onWindowChange });
  latest.current = { extent, onWindowChange };

  useEffect(() => {
    const from = start.current;
    if (!playing || !from) return;
    const { extent } = latest.current;
    const emit = (next: TimeWindow) => latest.current.onWindowChange(next);

    if (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      let current = from;
      const timer = setInterval(() => {
        current = shiftWindow(current, STEP_DAYS, extent);
        emit(current);
        if (atExtentEnd(current, extent)) setPlaying(false);
      }, STEP_MS);
      return () => clearInterval(timer);
    }

    const progress0 = sweepProgress(from, extent);
    let startedAt: number | undefined;
    let last = from;
    let frame = requestAnimationFrame(function tick(now) {
      startedAt ??= now;
      const progress = Math.min(1, progress0 + (now - startedAt) / SWEEP_MS);
      const next = sweepWindow(from, progress, extent);
      if (!sameWindow(next, last)) {
        last = next;
        emit(next);
      }
      if (progress >= 1) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const play = (window: TimeWindow) => {
    const from = playStart(window, latest.current.extent);
    if (!sameWindow(from, window)) latest.current.onWindowChange(from);
    start.current = from;
    setPlaying(true);
  };
  return { playing, play, stop: () => setPlaying(false) };
}

/**
 * A drag in progress. `left` is the chart's left edge on screen, read once when the drag starts:
 * read on every pointer move, it made the browser lay the page out again before each move's
 * update as well as after it.
 */
type Drag = { left: number } & ({ kind: Handle } | { kind: 'window'; origin: number; start: TimeWindow });

export function Timeline(props: TimelineProps): JSX.Element {
  const words = useWords();
  const { t } = words;
  const { items, shownIndexes, undated, onWindowChange, onUndatedChange } = props;
  const extent = useMemo(
    () => ({ from: props.extent.from, to: props.extent.to }),
    [props.extent.from, props.extent.to],
  );
  const current = props.window;
  const [areaRef, width] = useWidth<HTMLDivElement>();
  const { playing, play, stop } = usePlayback(extent, onWindowChange);
  const drag = useRef<Drag | null>(null);

  const allBins = useMemo(() => histogram(items, extent), [items, extent]);
  const shownBins = useMemo(
    () => (shownIndexes ? histogram(items, extent, undefined, shownIndexes) : null),
    [items, shownIndexes, extent],
  );
  const lane = useMemo(() => impreciseLane(items, extent), [items, extent]);
  const months = useMemo(() => extentMonths(extent, words), [extent, words]);

  const span = windowDays(extent);
  const x = scaleUtc()
    .domain([new Date(span.start * DAY_MS), new Date((span.end + 1) * DAY_MS)])
    .range([0, width]);
  const xDay = (day: number) => x(new Date(day * DAY_MS));
  const maxCount = Math.max(1, ...allBins.map((bin) => bin.count));
  const y = scaleLinear().domain([0, maxCount]).range([CHART_HEIGHT, 4]);
  const monthWidth = width / Math.max(1, months.length);

  const change = (next: TimeWindow) => {
    if (!sameWindow(next, current)) onWindowChange(next);
  };
  const dayAtPointer = (event: PointerEvent, left: number) =>
    x.invert(event.clientX - left).getTime() / DAY_MS;

  const startDrag = (kind: Drag['kind']) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    stop();
    const left = areaRef.current?.getBoundingClientRect().left ?? 0;
    drag.current =
      kind === 'window' ? { kind, left, origin: dayAtPointer(event, left), start: current } : { kind, left };
  };
  const moveDrag = (event: PointerEvent<HTMLDivElement>) => {
    const active = drag.current;
    if (!active) return;
    if (active.kind === 'window') {
      change(shiftWindow(active.start, Math.round(dayAtPointer(event, active.left) - active.origin), extent));
    } else {
      change(placeHandle(current, active.kind, dayAtPointer(event, active.left), extent));
    }
  };
  const endDrag = () => {
    drag.current = null;
  };
  const dragHandlers = (kind: Drag['kind']) => ({
    onPointerDown: startDrag(kind),
    onPointerMove: moveDrag,
    onPointerUp: endDrag,
    onPointerCancel: endDrag,
    onLostPointerCapture: endDrag,
  });

  const onHandleKey = (which: Handle) => (event: KeyboardEvent) => {
    if (!isHandleKey(event.key)) return;
    event.preventDefault();
    stop();
    change(moveHandle(current, which, event.key, extent));
  };

  const bars = (bins: readonly Bin[], className: string) =>
    bins.map((bin) => {
      const left = xDay(bin.start);
      const top = y(bin.count);
      return bin.count === 0 ? null : (
        <rect
          key={bin.start}
          className={`${className}${overlapsWindow(bin, current) ? '' : ' is-outside'}`}
          x={left + 0.5}
          width={Math.max(0.5, xDay(bin.end + 1) - left - 1)}
          y={top}
          height={CHART_HEIGHT - top}
        />
      );
    });

  const shadeLeft = xDay(handleBoundary(current, 'from'));
  const shadeRight = xDay(handleBoundary(current, 'to'));
  const year =
    extent.from.slice(0, 4) === extent.to.slice(0, 4) ? extent.from.slice(0, 4) : t('timeline.aYear');
  const monthSummary = lane.month
    .map((bin, i) =>
      bin.count > 0 ? t('timeline.monthCount', { month: months[i]?.name ?? '', count: bin.count }) : '',
    )
    .filter(Boolean)
    .join(t('list.separator'));

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        <button
          type="button"
          className="timeline-play"
          aria-label={playing ? t('timeline.pause') : t('timeline.play')}
          onClick={() => (playing ? stop() : play(current))}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            {playing ? <path d="M4 3h3v10H4zM9 3h3v10H9z" /> : <path d="M4 2.5v11l9-5.5z" />}
          </svg>
        </button>
        <p className="timeline-window-text">
          <span className="visually-hidden">{t('timeline.window')}</span>
          {windowLabel(current.from, current.to, words)}
        </p>
        {!isFullExtent(current, extent) && (
          <button
            type="button"
            className="timeline-reset"
            onClick={() => {
              stop();
              onWindowChange(extent);
            }}
          >
            {t('timeline.reset')}
          </button>
        )}
        <label className="timeline-switch">
          <input
            type="checkbox"
            // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox already exposes its state; ARIA in HTML advises against repeating it as aria-checked
            role="switch"
            checked={undated}
            onChange={(event) => onUndatedChange(event.currentTarget.checked)}
          />{' '}
          {t('timeline.undated')}
        </label>
      </div>

      <div className="timeline-plot">
        <div ref={areaRef} className="timeline-area" style={{ height: CHART_HEIGHT }}>
          <svg
            className="timeline-chart"
            width={width}
            height={CHART_HEIGHT}
            role="img"
            aria-label={shownBins ? t('timeline.chartFiltered') : t('timeline.chart')}
          >
            {bars(allBins, shownBins ? 'timeline-bar timeline-bar--all' : 'timeline-bar')}
            {shownBins && bars(shownBins, 'timeline-bar')}
          </svg>
          {/* Pointer-only convenience: keyboard users move the window with the two sliders. */}
          <div
            className="timeline-shade"
            style={{ left: shadeLeft, width: Math.max(0, shadeRight - shadeLeft) }}
            {...dragHandlers('window')}
          />
          {(['from', 'to'] as const).map((which) => {
            const range = handleRange(current, which, extent);
            return (
              <div
                key={which}
                role="slider"
                tabIndex={0}
                className={`timeline-handle timeline-handle--${which}`}
                style={{ left: xDay(handleBoundary(current, which)) }}
                aria-label={t(HANDLE_LABELS[which])}
                aria-orientation="horizontal"
                aria-valuemin={range.start}
                aria-valuemax={range.end}
                aria-valuenow={dayNumber(current[which])}
                aria-valuetext={formatDay(current[which], words)}
                onKeyDown={onHandleKey(which)}
                {...dragHandlers(which)}
              />
            );
          })}
        </div>

        <svg className="timeline-axis" width={width} height={AXIS_HEIGHT} aria-hidden="true">
          {months.map((month, i) => (
            <g key={month.start}>
              <line x1={xDay(month.start)} x2={xDay(month.start)} y1={0} y2={5} />
              {(monthWidth >= MIN_LABELLED_MONTH_PX || i % 2 === 0) && (
                <text x={(xDay(month.start) + xDay(month.end + 1)) / 2} y={AXIS_HEIGHT - 3}>
                  {month.label}
                </text>
              )}
            </g>
          ))}
        </svg>

        <div className={`timeline-lane${undated ? '' : ' is-excluded'}`}>
          <p className="timeline-lane-head">
            <span className="timeline-lane-label">
              {undated ? t('timeline.lane') : t('timeline.laneHidden')}
            </span>
            {lane.year > 0 && <span>{t('timeline.yearOnly', { count: lane.year, year })}</span>}
          </p>
          {/* Drawn exactly when hasMonthMarks(events): the loading layout reserves its height by that. */}
          {monthSummary && (
            <svg
              className="timeline-lane-marks"
              width={width}
              height={LANE_HEIGHT}
              role="img"
              aria-label={t('timeline.monthMarks', { summary: monthSummary })}
            >
              {lane.month.map((bin) => {
                if (bin.count === 0) return null;
                const centre = (xDay(bin.start) + xDay(bin.end + 1)) / 2;
                const markWidth = Math.min(22, Math.max(8, xDay(bin.end + 1) - xDay(bin.start) - 4));
                return (
                  <g
                    key={bin.start}
                    className={overlapsWindow(bin, current) ? 'timeline-mark' : 'timeline-mark is-outside'}
                  >
                    <rect
                      x={centre - markWidth / 2}
                      y={2}
                      width={markWidth}
                      height={LANE_HEIGHT - 4}
                      rx={3}
                    />
                    <text x={centre} y={LANE_HEIGHT / 2 + 4}>
                      {bin.count}
                    </text>
                  </g>
                );
              })}
            </svg>
          )}
        </div>
      </div>
    </section>
  );
}
