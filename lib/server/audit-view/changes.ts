/** What an entry changed, field by field: its label and its values as short text (null for "none"). */
export type Change = { field: string; label: string; before: string | null; after: string | null };

/** How a change is put into words: a field's label, a value's text and what parts a label from its values. */
export type Wording = {
  field: (key: string) => string;
  /** A value's text; `record` is the record it belongs to, for a value whose unit is its sibling. */
  value: (key: string, value: unknown, record?: Record<string, unknown>) => string | null;
  colon: string;
};

/** The kinds of record an entry names by id, and the fields (at any depth) that hold their ids. */
export type IdKind = 'carrier' | 'user' | 'programme' | 'venture' | 'application' | 'report' | 'residency' | 'graduation' | 'financing';
export const ID_FIELDS: Readonly<Record<string, IdKind>> = {
  carrierId: 'carrier',
  currentCarrierId: 'carrier',
  carrierIds: 'carrier',
  acceptedBy: 'user',
  decidedBy: 'user',
  inspectedBy: 'user',
  verifiedBy: 'user',
  paidBy: 'user',
  reviewerId: 'user',
  reviewerIds: 'user',
  createdBy: 'user',
  uploadedBy: 'user',
  userId: 'user',
  programId: 'programme',
  programmeId: 'programme',
  ventureId: 'venture',
  applicationId: 'application',
};

/** The kind of record an entry is about, when its readers know such records by name. */
export const ENTITY_KINDS: Readonly<Record<string, IdKind>> = {
  carrier: 'carrier',
  user: 'user',
  programme: 'programme',
  venture: 'venture',
  application: 'application',
  venture_report: 'report',
  residency: 'residency',
  graduation: 'graduation',
  venture_financing: 'financing',
};

/**
 * Fields kept for the machine, not for the reader: the record's own ids and version, timestamps of
 * the row, checksums, and the ids of sessions, grants and other records that have no name.
 */
export const TECHNICAL_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'ids',
  'version',
  'updatedAt',
  'createdAt',
  'sha256',
  'hash',
  'prevHash',
  'passwordHash',
  'sessionId',
  'sessionsValidAfter',
  'grantId',
  'graduationId',
  'indicatorId',
]);

const asRecord = (v: unknown): Record<string, unknown> =>
  v === null || v === undefined ? {} : typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };

const asId = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null;

/** The ids of named records in the entries (their own record, and the id fields of their before/after at any depth), by kind. */
export function idsOf(entries: readonly { entity: string; entityId: string | null; before: unknown; after: unknown }[]): Record<IdKind, number[]> {
  const found: Record<IdKind, Set<number>> = {
    carrier: new Set(),
    user: new Set(),
    programme: new Set(),
    venture: new Set(),
    application: new Set(),
    report: new Set(),
    residency: new Set(),
    graduation: new Set(),
    financing: new Set(),
  };
  const walk = (v: unknown, kind?: IdKind) => {
    if (Array.isArray(v)) for (const x of v) walk(x, kind);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, ID_FIELDS[k]);
    else if (kind) {
      const id = asId(v);
      if (id !== null) found[kind].add(id);
    }
  };
  for (const e of entries) {
    const own = ENTITY_KINDS[e.entity];
    const id = asId(e.entityId);
    if (own && id !== null) found[own].add(id);
    walk(e.before);
    walk(e.after);
  }
  return {
    carrier: [...found.carrier],
    user: [...found.user],
    programme: [...found.programme],
    venture: [...found.venture],
    application: [...found.application],
    report: [...found.report],
    residency: [...found.residency],
    graduation: [...found.graduation],
    financing: [...found.financing],
  };
}

/** A value as stored: strings as they are, anything else as JSON. */
export const rawText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** The keys and values as stored, untranslated. */
export const RAW_WORDING: Wording = { field: (key) => key, value: (_, v) => rawText(v), colon: ': ' };

/** The fields an entry changed, in words; technical fields and fields empty on both sides are left out. */
export function changesOf(before: unknown, after: unknown, wording: Wording = RAW_WORDING): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !TECHNICAL_FIELDS.has(f));
  return (
    fields
      .map((field) => ({ field, label: wording.field(field), before: wording.value(field, b[field], b), after: wording.value(field, a[field], a) }))
      // An entry may hold an unchanged field for the reading of the others (a target's unit): not a change.
      .filter((c) => (c.before !== null || c.after !== null) && !(before !== null && before !== undefined && c.before === c.after))
  );
}

/** Values longer than this are cut in the table; the whole value opens below. */
export const SHORT = 120;

export const changesText = (changes: Change[], wording: Pick<Wording, 'colon'> = RAW_WORDING) =>
  changes.map((c) => `${c.label}${wording.colon}${c.before ?? '—'} → ${c.after ?? '—'}`).join('\n');
