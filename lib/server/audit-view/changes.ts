/** What an entry changed, field by field: its label and its values as short text (null for "none"). */
export type Change = { field: string; label: string; before: string | null; after: string | null };

/** How a change is put into words: a field's label, a value's text and what parts a label from its values. */
export type Wording = { field: (key: string) => string; value: (key: string, value: unknown) => string | null; colon: string };

const asRecord = (v: unknown): Record<string, unknown> =>
  v === null || v === undefined ? {} : typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };

/** A value as stored: strings as they are, anything else as JSON. */
export const rawText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** The keys and values as stored, untranslated. */
export const RAW_WORDING: Wording = { field: (key) => key, value: (_, v) => rawText(v), colon: ': ' };

export function changesOf(before: unknown, after: unknown, wording: Wording = RAW_WORDING): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, label: wording.field(field), before: wording.value(field, b[field]), after: wording.value(field, a[field]) }));
}

/** Values longer than this are cut in the table; the whole value opens below. */
export const SHORT = 60;

export const changesText = (changes: Change[], wording: Pick<Wording, 'colon'> = RAW_WORDING) =>
  changes.map((c) => `${c.label}${wording.colon}${c.before ?? '—'} → ${c.after ?? '—'}`).join('\n');
