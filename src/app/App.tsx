import { useMemo } from 'react';
import { buildEventFeatures } from '../domain/event-features.ts';
import { useAtlasData } from '../features/dataset/dataset-query.ts';
import { MapView } from '../map/MapView.tsx';

export function App() {
  const { data, error, isPending } = useAtlasData();
  const features = useMemo(
    () => (data ? buildEventFeatures(data.dataset.events, data.countryPoints) : undefined),
    [data],
  );
  return (
    <main className="app">
      <header className="app-header">
        <h1>Cooperation Atlas</h1>
        <p>{data ? data.dataset.source.title : 'China’s international military cooperation in 2021'}</p>
      </header>
      {isPending && <p role="status">Loading the events…</p>}
      {error && <p role="alert">{error.message}</p>}
      {features && <MapView events={features} label="Map of the events" />}
    </main>
  );
}
