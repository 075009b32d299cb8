import { lazy, Suspense, useRef, useState } from 'react';
import { useWords } from '../../i18n/use-words.ts';
import type { ExportSource, TableOrder } from './export-view.ts';
import { DEFAULT_TABLE_ORDER } from './export-view.ts';

// The dialog and what it makes (CSV writer, image composition) load only when it is opened.
const DownloadDialog = lazy(() => import('./DownloadDialog.tsx'));

export interface DownloadButtonProps {
  source: ExportSource;
  viewUrl: string;
  order?: TableOrder;
  /** The embed's small button. */
  compact?: boolean;
}

/** The "Download" button and the dialog it opens. */
export function DownloadButton({
  source,
  viewUrl,
  order = DEFAULT_TABLE_ORDER,
  compact,
}: DownloadButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { t } = useWords();
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={compact ? 'export-compact-button' : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('download.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <DownloadDialog
            source={source}
            viewUrl={viewUrl}
            order={order}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
