// One place that knows which of the three surfaces the app is showing.
export type AppMode = 'explore' | 'present' | 'speaker' | 'embed';

export function appMode(search = window.location.search): AppMode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'present' || mode === 'speaker' || mode === 'embed' ? mode : 'explore';
}

export function isInIframe(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent denies access to window.top: that too means we are framed.
    return true;
  }
}
