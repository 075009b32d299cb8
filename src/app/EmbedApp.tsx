import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { ExploreApp } from './ExploreApp.tsx';

// Placeholder until the embed layout lands (being written by the embed work).
export function EmbedApp({ data }: { data: AtlasData }) {
  return <ExploreApp data={data} />;
}
