/** A document type's name in the user's language; an unknown key (a programme's own) as it is. */
export function documentLabel(t: { has: (key: string) => boolean; (key: string): string }, key: string): string {
  return t.has(key) ? t(key) : key;
}
