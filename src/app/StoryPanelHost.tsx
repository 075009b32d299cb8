import { useCallback, useMemo } from 'react';
import { countryName } from '../domain/country-names.ts';
import { readStoryText } from '../domain/story-document.ts';
import { deriveStorySteps } from '../domain/story-steps.ts';
import { describeView } from '../domain/story-title.ts';
import type { MapCamera } from '../domain/view-state.ts';
import { serializeViewState } from '../domain/view-state.ts';
import { requestedDataName } from '../features/dataset/data-name.ts';
import { useStoryCaptions } from '../features/presenter/story-query.ts';
import { StoryPanel } from '../features/story/StoryPanel.tsx';
import { useWords } from '../i18n/use-words.ts';
import { localized } from '../i18n/words.ts';
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
  const words = useWords();
  const builtIn = useMemo(() => {
    if (!captions.data) return undefined;
    const steps = deriveStorySteps(dataset, captions.data, context, words);
    return {
      title: localized(dataset.source, 'title', words.language).text,
      steps: steps.map((s) => ({ view: s.params, title: s.title, caption: s.caption, notes: s.notes })),
    };
  }, [dataset, captions.data, context, words]);

  const titleFor = useCallback(
    (params: Record<string, string>) =>
      describeView(
        params,
        context,
        {
          themes: dataset.themes,
          countryName: (iso3) => countryName(iso3, words.language, countryPoints.get(iso3)?.name),
          eventTitle: (id) => {
            const event = dataset.events.find((e) => e.id === id);
            return event && localized(event, 'title', words.language).text;
          },
        },
        words,
      ),
    [context, dataset, countryPoints, words],
  );
  const datasetRef = useMemo(() => ({ id: dataName, version: dataset.version }), [dataName, dataset.version]);
  const readStory = useCallback(
    (text: string) => readStoryText(text, context, { dataset: datasetRef, stepTitle: titleFor }),
    [context, datasetRef, titleFor],
  );
  // Read at the moment of the click: the camera is not React state.
  // A step holds a view, not the language it was made in: a story plays in the reader's language.
  const captureView = () =>
    serializeViewState({ ...state, lang: null, map: state.map ?? cameraNow() }, context);

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
