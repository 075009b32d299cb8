import { useEffect, useRef } from 'react';
import type { activeFilterChips } from '../../domain/filter-labels.ts';
import { countSentence } from '../../domain/filter-labels.ts';
import type { ViewState } from '../../domain/view-state.ts';
import './filters.css';
import { useWords } from '../../i18n/use-words.ts';

export interface ActiveFiltersProps {
  chips: ReturnType<typeof activeFilterChips>;
  onChange: (patch: Partial<ViewState>) => void;
  onClearAll: () => void;
  shown: number;
  total: number;
  /** The filters have changed and `shown` has not caught up with them yet. */
  settling?: boolean;
}

/** "N of M events" (always rendered, so the live region exists before it first changes) and the chips. */
export function ActiveFilters({
  chips,
  onChange,
  onClearAll,
  shown,
  total,
  settling = false,
}: ActiveFiltersProps) {
  const words = useWords();
  const { t } = words;
  const listRef = useRef<HTMLUListElement>(null);
  const countRef = useRef<HTMLParagraphElement>(null);
  // A removed chip takes its button, and the focus, with it: once the chips have changed, hand
  // the focus to the chip that took its place (or the one before), or to the count if none is left.
  const keys = chips.map((chip) => chip.key).join(' ');
  const pendingFocus = useRef<{ index: number; keys: string } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.keys === keys) return;
    pendingFocus.current = null;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(pending.index, buttons.length - 1)];
    if (next) next.focus();
    else countRef.current?.focus();
  }, [keys]);

  return (
    <div className="active-filters">
      <p
        ref={countRef}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-busy={settling}
        className="count"
        tabIndex={-1}
      >
        {countSentence(shown, total, words)}
      </p>
      {chips.length > 0 && (
        <>
          <ul ref={listRef} className="filter-chips" aria-label={t('chips.label')}>
            {chips.map((chip, index) => (
              <li key={chip.key}>
                <button
                  type="button"
                  className="filter-chip"
                  aria-label={t('chips.remove', { label: chip.label })}
                  onClick={() => {
                    pendingFocus.current = { index, keys };
                    onChange(chip.clear);
                  }}
                >
                  {chip.label} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="filter-clear-all"
            onClick={() => {
              pendingFocus.current = { index: 0, keys };
              onClearAll();
            }}
          >
            {t('chips.clearAll')}
          </button>
        </>
      )}
    </div>
  );
}
