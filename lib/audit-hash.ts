import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON with every object's keys sorted, recursively, after each value's own toJSON: the same
 * text for a value before it is stored as jsonb (which reorders keys) and after it is read back.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isPlainObject(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]),
    );
  });
}

/** A stored timestamp as the writer saw it: the ISO string of the instant. */
const isoOf = (at: unknown) => (at instanceof Date ? at.toISOString() : at);

/**
 * The hash of an entry: the previous hash and the entry's fields in a fixed order, canonically
 * serialised. The request id, when the entry has one, comes last; an entry without one (every
 * entry written before request ids were recorded) hashes exactly as it always did.
 */
export function auditHash(prevHash: string, e: Record<string, unknown>): string {
  const fields = [
    prevHash,
    isoOf(e.at),
    e.userId ?? null,
    e.role ?? null,
    e.action,
    e.entity,
    e.entityId ?? null,
    e.carrierId ?? null,
    e.before ?? null,
    e.after ?? null,
    e.ip ?? null,
  ];
  if (e.requestId !== undefined && e.requestId !== null) fields.push(e.requestId);
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}
