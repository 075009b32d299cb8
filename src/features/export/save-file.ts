/** Hands a file to the browser's downloads, named; nothing leaves the page. */
export function saveFile(content: Blob | string, name: string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
