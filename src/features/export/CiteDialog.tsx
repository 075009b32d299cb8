import { useId, useRef, useState } from 'react';
import { useWords } from '../../i18n/use-words.ts';
import type { Citations } from './citation.ts';
import { citations, localIsoDate } from './citation.ts';
import { exportFileName } from './export-file-name.ts';
import type { ExportSource } from './export-view.ts';
import { citationInput } from './export-view.ts';
import { Modal } from './Modal.tsx';

const STYLES: readonly { key: keyof Citations; label: string; rows: number }[] = [
  { key: 'apa', label: 'APA', rows: 4 },
  { key: 'chicago', label: 'Chicago', rows: 4 },
  { key: 'bibtex', label: 'BibTeX', rows: 8 },
];

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

function CitationField({ label, text, rows }: { label: string; text: string; rows: number }) {
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const { t } = useWords();
  return (
    <div className="cite-style">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={fieldRef}
        id={id}
        readOnly
        rows={rows}
        spellCheck={false}
        // The citation styles are English ones, whatever the interface language.
        lang="en"
        value={text}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="export-buttons">
        <button
          type="button"
          onClick={async () =>
            setStatus((await copyText(text, fieldRef.current)) ? t('copy.done') : t('copy.selected'))
          }
        >
          {t('copy.named', { label })}
        </button>
        <span className="export-status" role="status">
          {status}
        </span>
      </div>
    </div>
  );
}

/** The Cite dialog: the view cited in three styles, with its permanent link and today's date. */
export function CiteDialog({
  source,
  viewUrl,
  onClose,
}: {
  source: ExportSource;
  viewUrl: string;
  onClose: () => void;
}) {
  const [accessed] = useState(() => localIsoDate(new Date()));
  const key = exportFileName(source.state, source.context.defaults, 'csv').replace(/\.csv$/, '');
  const text = citations(citationInput(source, viewUrl, accessed), key);
  const { t } = useWords();
  return (
    <Modal title={t('cite.title')} onClose={onClose}>
      <p className="export-hint">{t('cite.help')}</p>
      {STYLES.map(({ key: style, label, rows }) => (
        <CitationField key={style} label={label} text={text[style]} rows={rows} />
      ))}
    </Modal>
  );
}
