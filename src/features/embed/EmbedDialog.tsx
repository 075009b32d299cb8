import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { embedSnippet, embedSrc } from './embed-snippet.ts';
import './embed-dialog.css';
import { useWords } from '../../i18n/use-words.ts';

export interface EmbedDialogProps {
  /** The explorer's URL for the view to embed (urlForView). */
  viewUrl: string;
  /** The atlas's title (coverageTitle), for the iframe's title. */
  title: string;
  onClose: () => void;
}

/** Copies with the Clipboard API, or by selecting the text for the old copy command. */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** A modal with the HTML that embeds the current view, ready to copy. */
export function EmbedDialog({ viewUrl, title, onClose }: EmbedDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const [status, setStatus] = useState('');
  const [downloads, setDownloads] = useState(true);
  const { t } = useWords();
  const baseUrl = new URL(import.meta.env.BASE_URL, viewUrl);
  const snippet = embedSnippet(viewUrl, baseUrl, title, {
    downloads,
    iframeTitle: t('embed.iframeTitle', { title }),
  });

  // No close() on unmount: a removed dialog leaves the top layer by itself, and a close() here
  // would, under StrictMode's second mount, fire `close` and shut the dialog just opened.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);

  // Escape closes the dialog and nothing else: without preventDefault the explorer's own Escape
  // (clear the selection) would run as well.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      className="embed-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${id}-title`}>{t('embed.title')}</h2>
      <p id={`${id}-help`}>{t('embed.help')}</p>
      <label htmlFor={`${id}-code`}>{t('embed.code')}</label>
      <textarea
        ref={fieldRef}
        id={`${id}-code`}
        aria-describedby={`${id}-help`}
        readOnly
        rows={7}
        spellCheck={false}
        value={snippet}
        onFocus={(event) => event.currentTarget.select()}
      />
      <label className="embed-dialog-option">
        <input
          type="checkbox"
          checked={downloads}
          onChange={(event) => setDownloads(event.currentTarget.checked)}
        />
        {t('embed.offerDownloads')}
      </label>
      <div className="embed-dialog-actions">
        <button
          type="button"
          className="embed-dialog-copy"
          onClick={async () =>
            setStatus((await copyText(snippet, fieldRef.current)) ? t('copy.done') : t('copy.selected'))
          }
        >
          {t('copy.button')}
        </button>
        <p className="embed-dialog-status" role="status">
          {status}
        </p>
        <a href={embedSrc(viewUrl, baseUrl, { downloads })} target="_blank" rel="noopener">
          {t('embed.preview')}
          <span className="visually-hidden">{t('embed.previewHint')}</span>
        </a>
        <button type="button" onClick={() => dialogRef.current?.close()}>
          {t('dialog.close')}
        </button>
      </div>
    </dialog>
  );
}
