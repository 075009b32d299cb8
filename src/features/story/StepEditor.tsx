import { useId } from 'react';
import type { StoryStepContent } from '../../domain/story-document.ts';
import { MAX_CAPTION_LENGTH, MAX_NOTES_LENGTH, MAX_TITLE_LENGTH } from '../../domain/story-document.ts';
import type { SavedStep } from '../../domain/story-edit.ts';
import { useWords } from '../../i18n/use-words.ts';

interface StepEditorProps {
  step: SavedStep;
  readOnly: boolean;
  showsNoEvents: boolean;
  onChange: (patch: Partial<StoryStepContent>) => void;
  onUpdateView: () => void;
}

/** The open step's words: plain text, line breaks kept, never read as markup. */
export function StepEditor({ step, readOnly, showsNoEvents, onChange, onUpdateView }: StepEditorProps) {
  const id = useId();
  const { t } = useWords();
  return (
    <section className="story-editor" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} dir="auto">
        {t('editor.heading', { title: step.title })}
      </h3>
      {showsNoEvents && (
        <p className="story-warning" role="status">
          {t('editor.noEvents')}
        </p>
      )}
      <label htmlFor={`${id}-title`}>{t('editor.title')}</label>
      <input
        id={`${id}-title`}
        type="text"
        dir="auto"
        value={step.title}
        readOnly={readOnly}
        maxLength={MAX_TITLE_LENGTH}
        onChange={(event) => onChange({ title: event.target.value })}
      />
      <label htmlFor={`${id}-caption`}>{t('editor.caption')}</label>
      <textarea
        id={`${id}-caption`}
        dir="auto"
        rows={3}
        value={step.caption}
        readOnly={readOnly}
        maxLength={MAX_CAPTION_LENGTH}
        onChange={(event) => onChange({ caption: event.target.value })}
      />
      <label htmlFor={`${id}-notes`}>{t('editor.notes')}</label>
      <textarea
        id={`${id}-notes`}
        dir="auto"
        rows={5}
        value={step.notes}
        readOnly={readOnly}
        maxLength={MAX_NOTES_LENGTH}
        onChange={(event) => onChange({ notes: event.target.value })}
      />
      {!readOnly && (
        <button type="button" onClick={onUpdateView}>
          {t('editor.update')}
        </button>
      )}
    </section>
  );
}
