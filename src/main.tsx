// The page's entry, kept small on purpose. It runs boot.ts, which starts what the first view
// waits on (the data's download, MapLibre's worker, the map itself), and only then loads the app
// proper. Evaluated in one task, React and the rest would hold the main thread for hundreds of
// milliseconds on a slow machine before MapLibre's worker could even start; as a separate chunk
// they download alongside and run in a later task, while the worker fetches the basemap.
// MapLibre's stylesheet before the app's, which overrides some of its rules: loaded with the
// MapLibre chunk instead, it would come after them and win.
import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import { boot } from './boot.ts';

// The app's download starts first; it can only run after boot() returns anyway.
import('./app/start.tsx');
boot();
