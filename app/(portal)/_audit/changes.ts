/** What an entry changed, field by field, with values as short text (null for "none"). */
export type Change = { field: string; before: string | null; after: string | null };

const asRecord = (v: unknown): Record<string, unknown> =>
  v === null || v === undefined ? {} : typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };

const text = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function changesOf(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, before: text(b[field]), after: text(a[field]) }));
}

/** Values longer than this are cut in the table; the whole value opens below. */
export const SHORT = 60;

export const changesText = (changes: Change[]) => changes.map((c) => `${c.field}: ${c.before ?? '—'} → ${c.after ?? '—'}`).join('\n');
