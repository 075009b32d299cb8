// How review notes and titles quote and list things.

/** Words in quotes, on one line. */
export const quoted = (text: string) => `"${text.replace(/\s+/g, ' ')}"`;

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listed(names: readonly string[], shown = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** "Sri Lanka" and "Sri\u00A0Lanka" are the same words; "Republic of Congo" is not "Republic of the Congo". */
export const sameWords = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
