import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../connect';
import { auditLog } from '../schema';
import { auditHash, GENESIS_HASH } from '../../lib/audit-hash';

export type AuditChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; firstBadId: number; reason: 'altered' | 'removed' | 'broken_link' };

const PAGE = 5_000;

/**
 * Walks the audit chain in id order, a page at a time, recomputing every entry's hash from its
 * stored fields and checking that it links to the entry before it. Stops at the first bad entry:
 * `altered` when its fields no longer give its hash, `removed` when its link is broken after a
 * gap in the ids (an entry before it was deleted), `broken_link` otherwise. `entries` counts the
 * entries read, the bad one included.
 */
export async function verifyAuditChain(db: DbOrTx, pageSize = PAGE): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let prevId = 0;
  let entries = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, prevId)).orderBy(asc(auditLog.id)).limit(pageSize);
    for (const row of page) {
      entries++;
      if (auditHash(row.prevHash, row) !== row.hash) return { ok: false, entries, firstBadId: row.id, reason: 'altered' };
      if (row.prevHash !== prevHash) {
        const reason = row.id !== prevId + 1 ? 'removed' : 'broken_link';
        return { ok: false, entries, firstBadId: row.id, reason };
      }
      prevHash = row.hash;
      prevId = row.id;
    }
    if (page.length < pageSize) return { ok: true, entries };
  }
}
