/**
 * Free text from a URL for a list search: trimmed, at most `max` characters, without the NUL
 * character (PostgreSQL refuses it in any text, so a search for it would fail the page);
 * undefined when nothing is left.
 */
export function searchText(raw: string | undefined, max = 100): string | undefined {
  const s = raw
    ?.replace(/\u0000/g, '')
    .trim()
    .slice(0, max);
  return s || undefined;
}
