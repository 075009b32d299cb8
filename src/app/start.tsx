import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { earlyMapMade } from '../boot.ts';
import { startLanguage } from '../i18n/language.ts';
import { afterFirstMap } from '../map/first-map-settled.ts';
import { App, pageDataQuery } from './App.tsx';
import { appMode } from './app-mode.ts';
import { LanguageProvider, loadStartLanguage } from './LanguageProvider.tsx';

// The app proper: React, the data's query and the offline cache. main.tsx loads this after the
// map has been started, in a task of its own (see main.tsx).

const queryClient = new QueryClient();
// The data is fetched, checked and handed to the map made early now, not once React has rendered
// and subscribed (hundreds of milliseconds later on a slow machine); the view's query finds it.
queryClient.prefetchQuery(pageDataQuery());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// A Chinese page waits for its catalogue (a few kB) rather than flashing English first; every page
// waits for the map boot.ts makes in the loading layout, so that the view adopts it.
Promise.all([loadStartLanguage(startLanguage(window.location.search)), earlyMapMade]).then(([language]) =>
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider initial={language}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </LanguageProvider>
    </StrictMode>,
  ),
);

// Offline support for presenters at venues without a network (see build/offline-cache.ts).
// Not for embeds: every reader of an article would otherwise download the whole app to cache.
// Installing it downloads everything, so it waits until the first map is drawn (or 15 s on a page
// without one, such as the speaker view) and then for an idle moment.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // A new build's worker takes over as soon as it is installed; this page still runs the old
  // build's code, so it reloads to run the new code with the new data (both from the new
  // precache). The first worker ever taking control changes nothing, so that one is let be.
  const updating = navigator.serviceWorker.controller !== null;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!updating || reloading) return;
    reloading = true;
    window.location.reload();
  });
  if (appMode() !== 'embed') {
    afterFirstMap(() => {
      navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
    });
  }
}
