import { useRef, useState } from 'react';
import { useWords } from '../../i18n/use-words.ts';
import { EmbedDialog } from './EmbedDialog.tsx';

/** The explorer's "Embed" button and the dialog it opens. */
export function EmbedButton({ viewUrl, title }: { viewUrl: string; title: string }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { t } = useWords();
  return (
    <>
      <button ref={buttonRef} type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('embed.button')}
      </button>
      {open && (
        <EmbedDialog
          viewUrl={viewUrl}
          title={title}
          onClose={() => {
            setOpen(false);
            // The dialog gives focus back as it closes; this covers a browser that does not.
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
