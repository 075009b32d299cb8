import type { DroppedParam } from '../domain/view-state.ts';
import { useWords } from '../i18n/use-words.ts';

/** Says which link parameters were ignored, instead of failing or silently guessing. */
export function DroppedNotice({ dropped, onDismiss }: { dropped: DroppedParam[]; onDismiss: () => void }) {
  const { t } = useWords();
  const names = [...new Set(dropped.map((d) => d.param))];
  return (
    <div className="dropped-notice" role="status">
      <span>{t('notice.dropped', { names: names.join(', ') })}</span>
      <button type="button" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
