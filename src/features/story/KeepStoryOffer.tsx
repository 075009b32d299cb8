import { useState } from 'react';
import type { StoryDocument } from '../../domain/story-document.ts';
import { storyFileName } from '../../domain/story-document.ts';
import { addStory, fromDocument } from '../../domain/story-edit.ts';
import { loadShelf, saveShelf, storageProblemText } from './story-storage.ts';
import './story.css';
import { useWords } from '../../i18n/use-words.ts';

/** Offered when a story arrives in a link: keep a copy among this browser's stories. */
export function KeepStoryOffer({ document: doc, notices }: { document: StoryDocument; notices: string[] }) {
  const [state, setState] = useState<'offer' | 'kept' | 'failed' | 'closed'>('offer');
  const { t } = useWords();
  const [keptTitle, setKeptTitle] = useState('');
  const [failure, setFailure] = useState('');
  if (state === 'closed') return null;

  const keep = () => {
    const { shelf, problem } = loadShelf();
    if (problem === 'unavailable') {
      setFailure(storageProblemText(problem));
      setState('failed');
      return;
    }
    const next = addStory(shelf, fromDocument(doc, new Date()));
    const saved = saveShelf(next);
    if (saved) {
      setFailure(storageProblemText(saved));
      setState('failed');
      return;
    }
    setKeptTitle(next.stories.at(-1)?.title ?? doc.title);
    setState('kept');
  };

  const exportFile = () => {
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }),
    );
    const link = window.document.createElement('a');
    link.href = url;
    link.download = storyFileName(doc.title);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <aside className="story-offer" aria-label={t('offer.label')}>
      {state === 'offer' && (
        <>
          <p dir="auto">
            {notices.length > 0
              ? t('offer.cameWithNotices', { title: doc.title })
              : t('offer.came', { title: doc.title })}
          </p>
          {notices.length > 0 && (
            <ul>
              {notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          )}
          <p className="story-buttons">
            <button type="button" onClick={keep}>
              {t('offer.keep')}
            </button>
            <button type="button" onClick={() => setState('closed')}>
              {t('notice.dismiss')}
            </button>
          </p>
        </>
      )}
      {state === 'kept' && (
        <p role="status" className="story-buttons" dir="auto">
          {t('offer.kept', { title: keptTitle })}
          <button type="button" onClick={() => setState('closed')}>
            {t('notice.dismiss')}
          </button>
        </p>
      )}
      {state === 'failed' && (
        <div role="alert" className="story-buttons">
          <p>
            {failure} {t('storyPanel.exportToKeep')}
          </p>
          <button type="button" onClick={exportFile}>
            {t('storyPanel.export')}
          </button>
          <button type="button" onClick={() => setState('closed')}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
    </aside>
  );
}
