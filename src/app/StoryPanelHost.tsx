import { useCallback, useMemo } from 'react';
import { readStoryText } from '../domain/story-document.ts';
import { deriveStorySteps } from '../domain/story-steps.ts';
import { describeView } from '../domain/story-title.ts';
import type { MapCamera } from '../domain/view-state.ts';
import { serializeViewState } from '../domain/view-state.ts';
import { requestedDataName } from '../features/dataset/data-name.ts';
import { useStoryCaptions } from '../features/presenter/story-query.ts';
import { StoryPanel } from '../features/story/StoryPanel.tsx';
import type { AtlasView } from './use-atlas-view.ts';

/** Composes the Story panel from the explorer's view model and the built-in story. */
interface StoryPanelHostProps {
  view: AtlasView;
  /** Where the map is now, even when the app (not the person) framed it. */
  cameraNow: () => MapCamera | null;
  onClose: () => void;
}

export function StoryPanelHost({ view, cameraNow, onClose }: StoryPanelHostProps) {
  const { dataset, countryPoints, context, state, applyParams, shown } = view;
  const dataName = requestedDataName();
  const captions = useStoryCaptions(dataName);
  const builtIn = useMemo(() => {
    if (!captions.data) return undefined;
    const steps = deriveStorySteps(dataset, captions.data, context);
    return {
      title: dataset.source.title,
      steps: steps.map((s) => ({ view: s.params, title: s.title, caption: s.caption, notes: s.notes })),
    };
  }, [dataset, captions.data, context]);

  const titleFor = useCallback(
    (params: Record<string, string>) =>
      describeView(params, context, {
        themes: dataset.themes,
        countryName: (iso3) => countryPoints.get(iso3)?.name,
        eventTitle: (id) => dataset.events.find((e) => e.id === id)?.title,
      }),
    [context, dataset, countryPoints],
  );
  const datasetRef = useMemo(() => ({ id: dataName, version: dataset.version }), [dataName, dataset.version]);
  const readStory = useCallback(
    (text: string) => readStoryText(text, context, { dataset: datasetRef, stepTitle: titleFor }),
    [context, datasetRef, titleFor],
  );
  // Read at the moment of the click: the camera is not React state.
  const captureView = () => serializeViewState({ ...state, map: state.map ?? cameraNow() }, context);

  return (
    <StoryPanel
      dataset={datasetRef}
      builtIn={builtIn}
      captureView={captureView}
      shownCount={shown.length}
      titleFor={titleFor}
      readStory={readStory}
      onOpenView={(params) => applyParams(params, true)}
      onClose={onClose}
    />
  );
}
