import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { appMode } from './app/app-mode.ts';
import './app/app.css';

const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

// Offline support for presenters at venues without a network (see build/service-worker-plugin.ts).
// Not for embeds: every reader of an article would otherwise download the whole app to cache.
if (import.meta.env.PROD && 'serviceWorker' in navigator && appMode() !== 'embed') {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
  });
}
