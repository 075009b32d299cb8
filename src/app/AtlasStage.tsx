import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { activeFilterChips, clearedFilters } from '../domain/filter-labels.ts';
import { partnerLines } from '../domain/partner-lines.ts';
import { HOST_ISO3 } from '../domain/selection.ts';
import { ActiveFilters } from '../features/filters/ActiveFilters.tsx';
import { Legend } from '../features/legend/Legend.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import { useWords } from '../i18n/use-words.ts';
import type { AtlasMap, MapState } from '../map/atlas-map.ts';
import { MapView } from '../map/MapView.tsx';
import { StaticMap } from '../map/StaticMap.tsx';
import type { AtlasView } from './use-atlas-view.ts';

export interface AtlasStageProps {
  view: AtlasView;
  /** Controls drawn before the count and chips (the phone's "Filters" button). */
  toolbar?: ReactNode;
  /** Drawn between the count and the map (the embed's filters, which open in the flow). */
  afterBar?: ReactNode;
  /** The details of the selection, docked over the map. */
  details?: ReactNode;
  /** Keeps a docked panel from taking the focus (the embed, while the frame is not focused). */
  detailsInert?: boolean;
  cooperativeGestures?: boolean;
  onMapState?: (state: MapState) => void;
  /** A legend on one line: for small maps (phones, embeds), still always visible. */
  compactLegend?: boolean;
  /** Hands over the live map (the explorer's Story panel reads its framing). */
  onAtlas?: (atlas: AtlasMap | null) => void;
}

/**
 * The piece the explorer and the embed share: the count and chips, the map (or its static
 * fallback) with legend, controls and docked details, and the timeline. The modes differ only in
 * the frame they put around it.
 */
export function AtlasStage(props: AtlasStageProps) {
  const { view, toolbar, details, detailsInert, compactLegend } = props;
  const { dataset, countryPoints, context, state, update, items, shown, histogramIndexes, scale } = view;
  const words = useWords();
  const { t } = words;
  const chips = activeFilterChips(state, dataset.themes, context.defaults, words);
  // A way of looking, not a filter (no chip), but part of the shared view: `lines=1`.
  const linesOn = state.lines;
  const network = useMemo(
    () => (linesOn ? partnerLines(shown, countryPoints, HOST_ISO3) : undefined),
    [linesOn, shown, countryPoints],
  );
  return (
    <>
      <div className="stage-bar">
        {toolbar}
        <ActiveFilters
          chips={chips}
          onChange={update}
          onClearAll={() => update(clearedFilters(context.defaults))}
          shown={shown.length}
          total={dataset.events.length}
          settling={view.settling}
        />
        <label className="lines-switch">
          <input
            type="checkbox"
            // biome-ignore lint/a11y/useAriaPropsForRole: a native checkbox already exposes its state
            role="switch"
            checked={linesOn}
            onChange={(event) => update({ lines: event.currentTarget.checked })}
          />
          {t('stage.lines')}
        </label>
      </div>
      {props.afterBar}
      <MapView
        label={t('map.label')}
        {...view.mapProps}
        network={network}
        cooperativeGestures={props.cooperativeGestures}
        onMapState={props.onMapState}
        onAtlas={props.onAtlas}
        onResetView={() => update({ map: null })}
        fallback={
          <StaticMap
            basemapUrl={`${import.meta.env.BASE_URL}data/basemap-world.json`}
            events={shown}
            countryPoints={countryPoints}
            colorFor={(count) => scale.colorFor(count) ?? '#f6f4ef'}
            selectedEventId={state.event}
            selectedCountry={state.country}
            onSelectEvent={view.selectEvent}
            onSelectCountry={view.selectCountry}
          />
        }
      >
        <Legend classes={scale.classes} compact={compactLegend} />
        {details && (
          <div className="details-dock" inert={detailsInert}>
            {details}
          </div>
        )}
      </MapView>
      <Timeline
        items={items}
        shownIndexes={histogramIndexes}
        extent={context.defaults}
        window={{ from: state.from, to: state.to }}
        undated={state.undated}
        onWindowChange={(window) => update(window)}
        onUndatedChange={(undated) => update({ undated })}
      />
    </>
  );
}
