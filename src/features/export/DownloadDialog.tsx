import { useId, useState } from 'react';
import { isBasemap } from '../../domain/world-projection.ts';
import { useWords } from '../../i18n/use-words.ts';
import type { Words } from '../../i18n/words.ts';
import { snapshotMap } from '../../map/map-snapshot.ts';
import { datasetJson, eventsCsv, eventsGeoJson } from './export-data.ts';
import type { ExportExtension } from './export-file-name.ts';
import { exportFileName } from './export-file-name.ts';
import type { ExportSource, TableOrder } from './export-view.ts';
import { exportedEvents, imageText, summaryOf } from './export-view.ts';
import type { ImageLayout } from './image-layout.ts';
import { imageLayout } from './image-layout.ts';
import { Modal } from './Modal.tsx';
import { canvasMeasure, composePng, loadImageFonts, rasteriseSvg } from './png-image.ts';
import { saveFile } from './save-file.ts';
import { SVG_MAP_SIZE, svgImage, svgMap } from './svg-image.ts';

export interface DownloadDialogProps {
  source: ExportSource;
  /** The view's permanent link, printed in the images' credits. */
  viewUrl: string;
  /** The event table's order, which the data files keep. */
  order: TableOrder;
  onClose: () => void;
}

const SCALES = [1, 2, 4] as const;
type Scale = (typeof SCALES)[number];

const MIME: Record<ExportExtension, string> = {
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
  json: 'application/json',
  png: 'image/png',
  svg: 'image/svg+xml',
};

async function svgDocument(
  source: ExportSource,
  viewUrl: string,
  words: Words,
): Promise<{ svg: string; layout: ImageLayout }> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/basemap-world.json`);
  const basemap: unknown = response.ok ? await response.json() : undefined;
  if (!isBasemap(basemap)) throw new Error('the world map could not be loaded');
  const text = imageText(source, viewUrl, words);
  const layout = imageLayout(SVG_MAP_SIZE, text, source.scale.classes);
  const map = svgMap({
    basemap,
    events: source.shown,
    countryPoints: source.countryPoints,
    colorFor: source.scale.colorFor,
    links: source.links,
    selectedEventId: source.state.event,
  });
  return { svg: svgImage(layout, text.title, map), layout };
}

/** The Download dialog: the view's data and images, each one button; the files are made here. */
export default function DownloadDialog({ source, viewUrl, order, onClose }: DownloadDialogProps) {
  const id = useId();
  const [all, setAll] = useState(false);
  const [scale, setScale] = useState<Scale>(2);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const words = useWords();
  const { t } = words;
  const plural = (count: number) => t('download.events', { count });
  const summary = summaryOf(source, all, words);
  const name = (extension: ExportExtension, everything = all) =>
    exportFileName(source.state, source.context.defaults, extension, { all: everything });

  const run = async (label: string, make: () => Promise<string>) => {
    setBusy(true);
    setStatus(t('download.making', { label }));
    try {
      setStatus(await make());
    } catch (error) {
      setStatus(t('download.failed', { label, message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const saveData = (extension: 'csv' | 'geojson' | 'json') =>
    run(extension.toUpperCase(), async () => {
      const events = exportedEvents(source, all, order);
      const content =
        extension === 'csv'
          ? eventsCsv(events)
          : extension === 'geojson'
            ? JSON.stringify(eventsGeoJson(events, source.countryPoints), null, 2)
            : JSON.stringify(datasetJson(source.dataset, events), null, 2);
      const file = name(extension);
      saveFile(content, file, MIME[extension]);
      return events.length === 0
        ? t('download.savedEmpty', { file })
        : t('download.saved', { file, events: plural(events.length) });
    });

  const savePng = () =>
    run('PNG', async () => {
      await loadImageFonts();
      const snapshot = await snapshotMap(scale);
      let blob: Blob;
      if (snapshot) {
        const layout = imageLayout(
          snapshot,
          imageText(source, viewUrl, words),
          source.scale.classes,
          canvasMeasure(),
        );
        blob = await composePng(layout, snapshot.image, scale);
      } else {
        // No live map (no WebGL): the static world map, as in the SVG.
        const { svg, layout } = await svgDocument(source, viewUrl, words);
        blob = await rasteriseSvg(svg, layout.width, layout.height, scale);
      }
      const file = name('png', false);
      saveFile(blob, file, MIME.png);
      return t('download.savedScale', { file, scale, events: plural(source.shown.length) });
    });

  const saveSvg = () =>
    run('SVG', async () => {
      const { svg } = await svgDocument(source, viewUrl, words);
      const file = name('svg', false);
      saveFile(svg, file, MIME.svg);
      return t('download.saved', { file, events: plural(source.shown.length) });
    });

  return (
    <Modal title={t('download.title')} onClose={onClose}>
      <p className="export-dialog-summary">{summary.text}</p>
      <fieldset className="export-group">
        <legend>{t('download.data')}</legend>
        <p className="export-hint" id={`${id}-data-hint`}>
          {t('download.dataHelp')}
        </p>
        <label className="export-switch">
          <input
            type="checkbox"
            role="switch"
            checked={all}
            aria-checked={all}
            aria-describedby={`${id}-all-hint`}
            onChange={(event) => setAll(event.currentTarget.checked)}
          />
          {t('download.all')}
        </label>
        <p className="export-hint" id={`${id}-all-hint`}>
          {all ? t('download.allOn', { events: plural(source.dataset.events.length) }) : t('download.allOff')}
        </p>
        <div className="export-buttons">
          <button
            type="button"
            disabled={busy}
            onClick={() => saveData('csv')}
            aria-describedby={`${id}-data-hint`}
          >
            {t('download.format', { kind: t('download.data'), format: 'CSV' })}
          </button>
          <button type="button" disabled={busy} onClick={() => saveData('geojson')}>
            {t('download.format', { kind: t('download.data'), format: 'GeoJSON' })}
          </button>
          <button type="button" disabled={busy} onClick={() => saveData('json')}>
            {t('download.format', { kind: t('download.data'), format: 'JSON' })}
          </button>
        </div>
      </fieldset>
      <fieldset className="export-group">
        <legend>{t('download.image')}</legend>
        <p className="export-hint">{t('download.imageHelp')}</p>
        <fieldset className="export-scale">
          <legend>{t('download.pngSize')}</legend>
          {SCALES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-scale`}
                value={value}
                checked={scale === value}
                onChange={() => setScale(value)}
              />
              {value}×
            </label>
          ))}
        </fieldset>
        <div className="export-buttons">
          <button type="button" disabled={busy} onClick={savePng}>
            {t('download.format', { kind: t('download.image'), format: 'PNG' })}
          </button>
          <button type="button" disabled={busy} onClick={saveSvg}>
            {t('download.format', { kind: t('download.image'), format: 'SVG' })}
          </button>
        </div>
      </fieldset>
      <p className="export-status" role="status">
        {status}
      </p>
    </Modal>
  );
}
