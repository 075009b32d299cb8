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

/**
 * Gives the loading layout's timeline the height the real one will have for this data: with a
 * row of month marks it is taller, and the map beside it shorter. A map drawn at the wrong size
 * is resized and refitted when the view takes it over, reallocating its drawing buffer (140 ms
 * of the main thread in one profile at 5,000 events, where WebGL is drawn by the CPU).
 */
export function fitLoadingShellTo(layout: { monthMarks: boolean }): void {
  document.getElementById(SHELL_ID)?.classList.toggle('has-month-marks', layout.monthMarks);
}

export function removeLoadingShell(): void {
  document.getElementById(SHELL_ID)?.remove();
}
