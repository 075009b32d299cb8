import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import './export-dialog.css';
import { useWords } from '../../i18n/use-words.ts';

/** A native modal dialog: focus moves in and back, Escape closes it (and nothing else). */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { t } = useWords();

  // No close() on unmount: a removed dialog leaves the top layer by itself, and a close() here
  // would, under StrictMode's second mount, fire `close` and shut the dialog just opened.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Without preventDefault the explorer's own Escape (clear the selection) would run as well.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      className="export-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <div className="export-dialog-close">
        <button type="button" onClick={() => dialogRef.current?.close()}>
          {t('dialog.close')}
        </button>
      </div>
    </dialog>
  );
}
