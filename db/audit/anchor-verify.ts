/**
 * Checks the audit chain against its anchors (docs/audit-chain.md): every anchor's signature, that
 * the anchored entry is still there with the anchored hash, and that the number of entries up to
 * it is the anchored count; with the chain walk of db/audit/verify.ts, which checks that the
 * chain continues from each anchored entry. Anchors kept in a file are checked the same way and
 * must still be in the database.
 */
import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../connect';
import { auditAnchors, auditLog, type AuditAnchor } from '../schema';
import { checkAnchorSignature, type AnchorKeyring, type AnchorLine } from './anchor';
import { verifyAuditChain, type AuditChainReport } from './verify';

export type AnchorProblemReason =
  /** Signed with a key that is not configured (AUDIT_ANCHOR_KEY, AUDIT_ANCHOR_RETIRED_KEYS). */
  | 'unknown_key'
  /** The signature does not match its fields: forged, or changed after signing. */
  | 'bad_signature'
  /** The anchored entry is gone: the tail was cut, or the entry deleted. */
  | 'head_missing'
  /** The anchored entry is there with another hash: the chain up to it was rewritten. */
  | 'head_changed'
  /** Entries up to the anchored one were removed (or added). */
  | 'count_mismatch'
  /** An anchor of the file is not in the database: anchors were deleted. */
  | 'missing_from_database'
  /** An anchor of the file differs from the database's anchor of the same id. */
  | 'differs_from_database';

export type AnchorProblem = { source: 'database' | 'file'; anchorId: number; headId: number; reason: AnchorProblemReason; detail?: string };

export type AuditLogReport = {
  ok: boolean;
  chain: AuditChainReport;
  /** Anchors checked, from the database and from the file. */
  anchors: { database: number; file: number };
  /** The newest anchor of the database whose checks all passed. */
  lastGoodAnchor: AuditAnchor | null;
  /** Entries after the last good anchor: what no anchor yet covers. */
  unanchoredEntries: number;
  problems: AnchorProblem[];
};

type Candidate = { source: 'database' | 'file'; id: number; at: Date; headId: number; headHash: string; entryCount: number; keyId: string; signature: string };

const PAGE = 5_000;

const same = (a: Candidate, b: Candidate) =>
  a.at.getTime() === b.at.getTime() &&
  a.headId === b.headId &&
  a.headHash === b.headHash &&
  a.entryCount === b.entryCount &&
  a.keyId === b.keyId &&
  a.signature === b.signature;

export async function verifyAuditLog(
  db: DbOrTx,
  keyring: AnchorKeyring,
  opts: { fileAnchors?: AnchorLine[]; pageSize?: number } = {},
): Promise<AuditLogReport> {
  const pageSize = opts.pageSize ?? PAGE;
  const chain = await verifyAuditChain(db, pageSize);
  const stored = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.id));
  const problems: AnchorProblem[] = [];
  const candidates: Candidate[] = stored.map((a) => ({ ...a, source: 'database' as const }));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  for (const line of opts.fileAnchors ?? []) {
    const c: Candidate = { ...line, at: new Date(line.at), source: 'file' };
    const there = byId.get(c.id);
    if (!there) problems.push({ source: 'file', anchorId: c.id, headId: c.headId, reason: 'missing_from_database' });
    else if (!same(there, c)) problems.push({ source: 'file', anchorId: c.id, headId: c.headId, reason: 'differs_from_database' });
    else continue; // The same anchor as the database's: checked once.
    candidates.push(c);
  }

  const bad = new Set<Candidate>();
  const report = (c: Candidate, reason: AnchorProblemReason, detail?: string) => {
    bad.add(c);
    problems.push({ source: c.source, anchorId: c.id, headId: c.headId, reason, detail });
  };
  const signed: Candidate[] = [];
  for (const c of candidates) {
    const check = checkAnchorSignature(keyring, c);
    if (check === 'ok') signed.push(c);
    else report(c, check, check === 'unknown_key' ? `key ${c.keyId}` : undefined);
  }

  // One walk of the entries in id order, counting them, past every anchored head.
  signed.sort((a, b) => a.headId - b.headId);
  let next = 0;
  let seen = 0;
  let prevId = 0;
  for (;;) {
    const page = await db
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .where(gt(auditLog.id, prevId))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    for (const row of page) {
      seen++;
      for (; next < signed.length && signed[next]!.headId <= row.id; next++) {
        const c = signed[next]!;
        if (c.headId < row.id) report(c, 'head_missing');
        else if (c.headHash !== row.hash) report(c, 'head_changed');
        else if (c.entryCount !== seen) report(c, 'count_mismatch', `${seen} entries up to it, ${c.entryCount} anchored`);
      }
      prevId = row.id;
    }
    if (page.length < pageSize) break;
  }
  for (; next < signed.length; next++) report(signed[next]!, 'head_missing');

  const good = stored.filter((a) => !bad.has(byId.get(a.id)!));
  const lastGoodAnchor = good.reduce<AuditAnchor | null>((m, a) => (!m || a.headId > m.headId || (a.headId === m.headId && a.id > m.id) ? a : m), null);
  const unanchoredEntries = lastGoodAnchor ? Math.max(0, seen - lastGoodAnchor.entryCount) : seen;
  problems.sort((a, b) => a.headId - b.headId || a.anchorId - b.anchorId);
  return {
    ok: chain.ok && problems.length === 0,
    chain,
    anchors: { database: stored.length, file: (opts.fileAnchors ?? []).length },
    lastGoodAnchor,
    unanchoredEntries,
    problems,
  };
}
