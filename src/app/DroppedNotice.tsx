import type { DroppedParam } from '../domain/view-state.ts';

/** Says which link parameters were ignored, instead of failing or silently guessing. */
export function DroppedNotice({ dropped, onDismiss }: { dropped: DroppedParam[]; onDismiss: () => void }) {
  const names = [...new Set(dropped.map((d) => d.param))];
  return (
    <div className="dropped-notice" role="status">
      <span>Some settings in this link could not be read and were ignored: {names.join(', ')}.</span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
