/**
 * The audit chain's writer, free of server-only imports so that command-line scripts (which run
 * outside Next) can append to it too; pages and queries import it through db/audit/index.ts.
 */
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../connect';
import { auditLog } from '../schema';
import { anchorAfterWrite } from './anchor';
import { auditHash, GENESIS_HASH } from '../../lib/audit-hash';
import type { Role } from '../../lib/roles';

export { auditHash, GENESIS_HASH };

/**
 * Who made a change and from where; taken from the session and the request, never from form
 * input. `requestId`: the id of the request (lib/request-id.js), so that an entry can be found
 * beside the request's log line; absent outside a request.
 */
export type Actor = { userId: number; role: Role; ip: string | null; requestId?: string | null };
/** Someone not signed in (a failed sign-in of an unknown email): only the address is known. */
export type AnonymousActor = { userId: null; role: null; ip: string | null; requestId?: string | null };

export type AuditInput = {
  action: string;
  entity: string;
  entityId: string | number | null;
  carrierId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Serialises writers of the chain (one transaction at a time appends) on PostgreSQL and PGlite alike. */
const AUDIT_CHAIN_LOCK = 7_310_116;

/** Keeps only the fields that changed, so that an entry says what happened and no more. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction, so that
 * the change and its entry commit or roll back together.
 */
export async function writeAudit(tx: Tx, actor: Actor | AnonymousActor | null, input: AuditInput): Promise<void> {
  await writeAuditEntries(tx, actor, [input]);
}

/**
 * Appends many entries at once (one per changed record of a bulk change), in the caller's
 * transaction: one lock, one read of the chain's end and one insert, whatever their number.
 */
export async function writeAuditEntries(tx: Tx, actor: Actor | AnonymousActor | null, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input) => {
    const entry = {
      at: at.toISOString(),
      userId: actor?.userId ?? null,
      role: actor?.role ?? null,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId === null ? null : String(input.entityId),
      carrierId: input.carrierId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      ip: actor?.ip ?? null,
      requestId: actor?.requestId ?? null,
    };
    const hash = auditHash(prevHash, entry);
    const row = { ...entry, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Chunks keep each statement under the driver's parameter limit; ids follow the chain's order.
  let head: { id: number; hash: string } | undefined;
  for (let i = 0; i < rows.length; i += 2000) {
    const ids = await tx
      .insert(auditLog)
      .values(rows.slice(i, i + 2000))
      .returning({ id: auditLog.id, hash: auditLog.hash });
    for (const r of ids) if (!head || r.id > head.id) head = r;
  }
  // Still under the lock: every N entries the new head is anchored (docs/audit-chain.md).
  if (head) await anchorAfterWrite(tx, head);
}
