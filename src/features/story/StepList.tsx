import { useEffect, useRef, useState } from 'react';
import type { SavedStep } from '../../domain/story-edit.ts';
import { useWords } from '../../i18n/use-words.ts';

interface StepListProps {
  steps: readonly SavedStep[];
  activeId: string | null;
  readOnly: boolean;
  onOpen: (step: SavedStep) => void;
  onMove: (from: number, to: number) => void;
  onDuplicate: (index: number) => void;
  onDelete: (step: SavedStep) => void;
}

type Action = 'up' | 'down';

/**
 * The steps in order. Keyboard alone reorders them (Move up / Move down keep focus on the moved
 * step); a mouse can also drag a step onto another's place.
 */
export function StepList({
  steps,
  activeId,
  readOnly,
  onOpen,
  onMove,
  onDuplicate,
  onDelete,
}: StepListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const { t } = useWords();
  const [refocus, setRefocus] = useState<{ id: string; action: Action } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Moving a list item can drop focus in some browsers: put it back on the button pressed, or on
  // its twin when the step reached the end and that button is now disabled.
  useEffect(() => {
    if (!refocus) return;
    const item = listRef.current?.querySelector(`[data-step-id="${CSS.escape(refocus.id)}"]`);
    const wanted = item?.querySelector<HTMLButtonElement>(`[data-action="${refocus.action}"]`);
    const other = item?.querySelector<HTMLButtonElement>(
      `[data-action="${refocus.action === 'up' ? 'down' : 'up'}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setRefocus(null);
  }, [refocus]);

  const move = (index: number, to: number, action: Action) => {
    const step = steps[index];
    if (!step || to < 0 || to >= steps.length) return;
    onMove(index, to);
    setRefocus({ id: step.id, action });
    setAnnouncement(t('steps.moved', { title: step.title, step: to + 1, total: steps.length }));
  };

  if (steps.length === 0) {
    return <p className="story-empty">{t('steps.empty')}</p>;
  }

  return (
    <>
      <ol className="story-steps" ref={listRef} aria-label={t('steps.label')}>
        {steps.map((step, index) => (
          <li
            key={step.id}
            data-step-id={step.id}
            className={`story-step${step.id === activeId ? ' is-active' : ''}${dragged === step.id ? ' is-dragged' : ''}`}
            draggable={!readOnly}
            onDragStart={(event) => {
              setDragged(step.id);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', step.id);
            }}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => {
              if (dragged) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              const from = steps.findIndex((s) => s.id === dragged);
              setDragged(null);
              if (from >= 0 && from !== index) {
                onMove(from, index);
                setAnnouncement(
                  t('steps.moved', { title: steps[from]?.title ?? '', step: index + 1, total: steps.length }),
                );
              }
            }}
          >
            <span className="story-step-number" aria-hidden="true">
              {index + 1}
            </span>
            <button
              type="button"
              className="story-step-open"
              id={`story-step-${step.id}`}
              aria-current={step.id === activeId ? 'step' : undefined}
              onClick={() => onOpen(step)}
              dir="auto"
            >
              {step.title}
            </button>
            {!readOnly && (
              <span className="story-step-actions">
                <button
                  type="button"
                  data-action="up"
                  aria-label={t('steps.moveUp')}
                  aria-describedby={`story-step-${step.id}`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1, 'up')}
                >
                  {t('steps.up')}
                </button>
                <button
                  type="button"
                  data-action="down"
                  aria-label={t('steps.moveDown')}
                  aria-describedby={`story-step-${step.id}`}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, index + 1, 'down')}
                >
                  {t('steps.down')}
                </button>
                <button
                  type="button"
                  aria-describedby={`story-step-${step.id}`}
                  onClick={() => onDuplicate(index)}
                >
                  {t('steps.duplicate')}
                </button>
                <button
                  type="button"
                  aria-describedby={`story-step-${step.id}`}
                  onClick={() => onDelete(step)}
                >
                  {t('steps.delete')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
