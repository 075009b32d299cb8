import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DroppedParam, ViewContext, ViewState } from '../domain/view-state.ts';
import { applyViewParams, parseViewState, serializeViewState, VIEW_PARAMS } from '../domain/view-state.ts';

const VIEW_PARAM_SET = new Set<string>(VIEW_PARAMS);

/** The URL for a view: the view's non-default values, then the app's own parameters (mode, step…). */
export function urlForView(state: ViewState, context: ViewContext, current: URL): URL {
  const next = new URL(current.href);
  const others = [...current.searchParams.entries()].filter(([key]) => !VIEW_PARAM_SET.has(key));
  const params = new URLSearchParams(serializeViewState(state, context));
  for (const [key, value] of others) params.append(key, value);
  next.search = params.toString();
  return next;
}

/**
 * The view state, read from the URL once and written back on every change with replaceState: a
 * drag of the timeline must not leave a history entry per frame.
 */
export function useViewState(context: ViewContext) {
  const initial = useMemo(
    () => parseViewState(new URLSearchParams(window.location.search), context),
    [context],
  );
  const [state, setState] = useState<ViewState>(initial.state);
  const [dropped, setDropped] = useState<DroppedParam[]>(initial.dropped);
  const contextRef = useRef(context);
  contextRef.current = context;
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    const next = urlForView(state, contextRef.current, new URL(window.location.href));
    if (next.href !== window.location.href) window.history.replaceState(window.history.state, '', next);
  }, [state]);

  const commit = useCallback((next: ViewState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const update = useCallback(
    (patch: Partial<ViewState>) => commit({ ...stateRef.current, ...patch }),
    [commit],
  );

  /**
   * Applies parameters from outside (an embed host, a story step), validated like the URL, and
   * returns the resulting state at once so a host can be answered with it.
   */
  const applyParams = useCallback(
    (params: Readonly<Record<string, unknown>> | URLSearchParams, replace = false) => {
      const result = replace
        ? parseViewState(params, contextRef.current)
        : applyViewParams(stateRef.current, params, contextRef.current);
      // A story step replaces the view, but not the language the reader chose.
      const hasLang = params instanceof URLSearchParams ? params.has('lang') : 'lang' in params;
      if (replace && !hasLang) result.state.lang = stateRef.current.lang;
      commit(result.state);
      return result;
    },
    [commit],
  );

  return { state, update, setState: commit, applyParams, dropped, dismissDropped: () => setDropped([]) };
}
