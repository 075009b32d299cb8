import { useRef, useState } from 'react';
import { useWords } from '../../i18n/use-words.ts';
import { CiteDialog } from './CiteDialog.tsx';
import type { ExportSource } from './export-view.ts';

/** The "Cite" button and the dialog it opens. */
export function CiteButton({ source, viewUrl }: { source: ExportSource; viewUrl: string }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { t } = useWords();
  return (
    <>
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('cite.button')}
      </button>
      {open && (
        <CiteDialog
          source={source}
          viewUrl={viewUrl}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
