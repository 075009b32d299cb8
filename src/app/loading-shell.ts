// The explorer's loading layout lives in index.html, so it shows, and the map starts in it, before
// React has even been evaluated (see boot.ts). These find and remove it.

const SHELL_ID = 'loading-shell';

/** The map's place in the loading layout, shown; undefined outside the explorer or without it. */
export function showLoadingShell(): HTMLElement | undefined {
  const shell = document.getElementById(SHELL_ID);
  if (!shell) return undefined;
  shell.hidden = false;
  return shell.querySelector<HTMLElement>('.map') ?? undefined;
}

export function removeLoadingShell(): void {
  document.getElementById(SHELL_ID)?.remove();
}
