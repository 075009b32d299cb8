import { useId } from 'react';
import type { FacetCounts } from '../../domain/event-filter.ts';
import type { Theme } from '../../domain/event-schema.ts';
import { filterGroups } from '../../domain/filter-labels.ts';
import type { ViewState } from '../../domain/view-state.ts';
import { MAX_QUERY_LENGTH } from '../../domain/view-state.ts';
import './filters.css';
import { useWords } from '../../i18n/use-words.ts';

export interface FilterPanelProps {
  themes: readonly Theme[];
  state: ViewState;
  /** From `facetCounts(items, state)`. */
  counts: FacetCounts;
  onChange: (patch: Partial<ViewState>) => void;
}

/** The search box and the four facet groups; what each option says and sends is in filter-labels.ts. */
export function FilterPanel({ themes, state, counts, onChange }: FilterPanelProps) {
  const id = useId();
  const words = useWords();
  const { t } = words;
  return (
    <div className="filter-panel">
      <div className="filter-search">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={state.q}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ q: e.currentTarget.value })}
        />
      </div>
      {filterGroups(themes, state, counts, words).map((group) => (
        // `open` is only the initial state: React sets it again only if the value changes, so a
        // group the reader folds stays folded across re-renders.
        <details key={group.facet} className="filter-group" open={group.defaultOpen}>
          <summary>
            {group.legend}
            {group.selected > 0 && (
              <span className="filter-selected">{t('filters.selected', { count: group.selected })}</span>
            )}
          </summary>
          <fieldset>
            {/* The summary is the visible heading; the legend names the group for screen readers. */}
            <legend className="visually-hidden">{group.legend}</legend>
            {group.options.map((option) => (
              <label
                key={option.key}
                className={option.count === 0 && !option.checked ? 'filter-option is-empty' : 'filter-option'}
              >
                <input type="checkbox" checked={option.checked} onChange={() => onChange(option.toggle)} />
                <span className="filter-option-label">{option.label}</span>
                <span className="filter-option-count">
                  {t('filters.optionCount', { count: option.count })}
                </span>
              </label>
            ))}
          </fieldset>
        </details>
      ))}
    </div>
  );
}
