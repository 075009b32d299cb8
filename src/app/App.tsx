import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useLayoutEffect } from 'react';
import { requestedDataName } from '../features/dataset/data-name.ts';
import { atlasDataQuery, DatasetInvalidError } from '../features/dataset/dataset-query.ts';
import { useWords } from '../i18n/use-words.ts';
import { discardEarlyMap } from '../map/map-host.ts';
import { appMode } from './app-mode.ts';
import { ExploreApp } from './ExploreApp.tsx';
import { removeLoadingShell } from './loading-shell.ts';
import { prepareWaitingMap } from './waiting-map.ts';

// The presenter and embed surfaces load only when asked for: the explorer's first view does not
// wait on them.
// Both play the story the link names (own, shared or built in), so both load through PresentStory.
const PresentStory = lazy(() => import('./PresentStory.tsx').then((m) => ({ default: m.PresentStory })));
const EmbedApp = lazy(() => import('./EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })));

/** The page's data; the map made while it loads gets the events the moment they are in. */
export const pageDataQuery = () =>
  atlasDataQuery(import.meta.env.BASE_URL, requestedDataName(), prepareWaitingMap);

export function App() {
  const query = useQuery(pageDataQuery());
  const mode = appMode();
  const { t } = useWords();
  // A layout effect, so the static loading layout goes in the same frame as the view replacing
  // it, after the view has adopted the map made in it (a child's layout effect runs first).
  useLayoutEffect(() => {
    if (query.isPending) return;
    removeLoadingShell();
    if (query.isError) discardEarlyMap();
  }, [query.isPending, query.isError]);

  // The explorer's loading layout is static HTML (index.html), already drawing the map.
  if (query.isPending && mode === 'explore') return null;
  if (query.isPending) {
    return (
      <div className="app-message" role="status">
        <div className="map-state-probe" data-map-state="loading" />
        <p>{t('app.loading')}</p>
      </div>
    );
  }
  if (query.isError) {
    const { error } = query;
    if (error instanceof DatasetInvalidError) {
      return (
        <div className="app-message error-panel" role="alert">
          <div className="map-state-probe" data-map-state="error" />
          <h1>{t('app.invalidTitle')}</h1>
          <p>{t('app.invalidIntro', { message: error.message })}</p>
          <ul>
            {error.problems.slice(0, 50).map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order.
              <li key={index}>
                <strong>{problem.eventId ?? t('app.dataset')}</strong> · <code>{problem.field}</code>:{' '}
                {problem.message}
              </li>
            ))}
          </ul>
          {error.problems.length > 50 && (
            <p>{t('app.moreProblems', { count: error.problems.length - 50 })}</p>
          )}
        </div>
      );
    }
    return (
      <div className="app-message error-panel" role="alert">
        <div className="map-state-probe" data-map-state="error" />
        <h1>{t('app.loadFailed')}</h1>
        <p>{error.message}</p>
        <button type="button" onClick={() => query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? t('app.retrying') : t('app.retry')}
        </button>
      </div>
    );
  }
  if (mode === 'explore') return <ExploreApp data={query.data} />;
  return (
    <Suspense fallback={<div className="map-state-probe" data-map-state="loading" />}>
      {(mode === 'present' || mode === 'speaker') && <PresentStory data={query.data} mode={mode} />}
      {mode === 'embed' && <EmbedApp data={query.data} />}
    </Suspense>
  );
}
