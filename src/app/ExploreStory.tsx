import { lazy, Suspense, useRef } from 'react';
import type { MapCamera } from '../domain/view-state.ts';
import { useWords } from '../i18n/use-words.ts';
import type { AtlasView } from './use-atlas-view.ts';

// The Story editor loads only when first opened: the explorer's first view does not wait on it.
const StoryPanelHost = lazy(() =>
  import('./StoryPanelHost.tsx').then((m) => ({ default: m.StoryPanelHost })),
);

/** The explorer's "Story" button and the panel it opens beside the map. */
export function ExploreStory({
  view,
  cameraNow,
  open,
  setOpen,
}: {
  view: AtlasView;
  cameraNow: () => MapCamera | null;
  /** Held by the explorer, which makes room for the panel beside the map. */
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { t } = useWords();
  return (
    <>
      <button ref={buttonRef} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('storyPanel.heading')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <StoryPanelHost
            view={view}
            cameraNow={cameraNow}
            onClose={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
