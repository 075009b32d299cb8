import { useCallback, useState } from 'react';

/** The explorer's side panels that a reader can fold away to give the map their room. */
export type PanelName = 'filters' | 'list';

const KEY = 'cooperation-atlas.panels';

function readStored(): Partial<Record<PanelName, boolean>> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Record<PanelName, boolean>>) : {};
  } catch {
    // Storage may be blocked (private mode, sandboxed frames) or hold junk: fall back to defaults.
    return {};
  }
}

/**
 * Whether a panel is open: the reader's last choice (kept in localStorage, so it survives a
 * reload), else the layout's default for this screen.
 */
export function usePanelPreference(name: PanelName, defaultOpen: () => boolean) {
  const [open, setOpenState] = useState(() => readStored()[name] ?? defaultOpen());
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      try {
        window.localStorage.setItem(KEY, JSON.stringify({ ...readStored(), [name]: next }));
      } catch {
        // Not remembered where storage is blocked; the choice still holds for this visit.
      }
    },
    [name],
  );
  return [open, setOpen] as const;
}

/** Below this width the filters start folded: the map needs the room more (see app.css). */
export const WIDE_FILTERS_QUERY = '(min-width: 1440px)';
/** At or below this width the explorer is one column and the filters open as a sheet. */
export const NARROW_QUERY = '(max-width: 900px)';
