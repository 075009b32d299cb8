import { useMemo } from 'react';
import { describeView } from '../domain/story-title.ts';
import { requestedDataName } from '../features/dataset/data-name.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { KeepStoryOffer } from '../features/story/KeepStoryOffer.tsx';
import { usePresentedStory } from '../features/story/use-presented-story.ts';
import { useWords } from '../i18n/use-words.ts';
import { PresentApp } from './PresentApp.tsx';
import { SpeakerApp } from './SpeakerApp.tsx';

/**
 * Presenter and speaker views of whichever story the link names: a person's own (saved here or
 * carried in the link) or the built-in one. Both windows read the same link, so they agree.
 */
export function PresentStory({ data, mode }: { data: AtlasData; mode: 'present' | 'speaker' }) {
  const { dataset, countryPoints } = data;
  const { t } = useWords();
  const { context } = data;
  const defaults = useMemo(
    () => ({
      dataset: { id: requestedDataName(), version: dataset.version },
      stepTitle: (view: Record<string, string>) =>
        describeView(view, context, {
          themes: dataset.themes,
          countryName: (iso3) => countryPoints.get(iso3)?.name,
          eventTitle: (id) => dataset.events.find((e) => e.id === id)?.title,
        }),
    }),
    [dataset, context, countryPoints],
  );
  const story = usePresentedStory(context, defaults);
  const App = mode === 'present' ? PresentApp : SpeakerApp;

  if (story.status === 'built-in') return <App data={data} />;
  if (story.status === 'pending')
    return (
      <div className="app-message" role="status">
        <div className="map-state-probe" data-map-state="loading" />
        <p>{t('presentStory.opening')}</p>
      </div>
    );
  if (story.status === 'error') {
    const explorer = new URL(window.location.href);
    explorer.search = '';
    explorer.hash = '';
    return (
      <div className="app-message error-panel" role="alert">
        <h1>{t('presentStory.failed')}</h1>
        <p>{story.message}</p>
        <p>{t('presentStory.unchanged')}</p>
        <p>
          <a href={explorer.href}>{t('presentStory.openExplorer')}</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <App data={data} story={story.steps} />
      {mode === 'present' && story.shared && (
        <KeepStoryOffer document={story.shared.document} notices={story.shared.notices} />
      )}
    </>
  );
}
