/**
 * Signed anchors of the audit chain (docs/audit-chain.md): the head entry's id and hash and the
 * number of entries up to it, signed with HMAC-SHA256 under a key that is not in the database
 * (AUDIT_ANCHOR_KEY). Written after every N entries (in the writing transaction, under the chain's
 * lock) and on a schedule; free of server-only imports so that scripts can use it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, desc, gt, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../connect';
import { auditAnchors, auditLog, type AuditAnchor } from '../schema';
import { env } from '../../lib/env';

export type AnchorKey = { id: string; secret: string };

/** The key that signs new anchors (if any) and every key whose anchors are accepted. */
export type AnchorKeyring = { signing: AnchorKey | null; verifying: ReadonlyMap<string, string>; source: 'configured' | 'development' | 'none' };

export type AnchorSettings = { keyring: AnchorKeyring; every: number };

/** The anchored facts, as they are signed. */
export type AnchorFields = { at: Date; headId: number; headHash: string; entryCount: number; keyId: string };

/** Used only outside production, and only when no key is configured: anyone can read it here. */
export const DEVELOPMENT_ANCHOR_KEY: AnchorKey = { id: 'dev', secret: 'incubator-portal-development-anchor-key (not secret)' };

const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;

/** A key's default id: derived from the key, so that a new key gets a new id without being told. */
export function defaultKeyId(secret: string): string {
  return `k-${createHmac('sha256', secret).update('incubator-portal/audit-anchor/key-id').digest('hex').slice(0, 12)}`;
}

/** `id:secret,id:secret` (AUDIT_ANCHOR_RETIRED_KEYS); throws on an entry it cannot read. */
export function parseRetiredKeys(value: string): AnchorKey[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      const id = entry.slice(0, i);
      const secret = entry.slice(i + 1);
      if (i <= 0 || !KEY_ID.test(id) || secret.length < 32) {
        throw new Error('AUDIT_ANCHOR_RETIRED_KEYS must be a comma list of id:secret, each secret at least 32 characters');
      }
      return { id, secret };
    });
}

export function keyringOf(signing: AnchorKey | null, retired: AnchorKey[] = [], source: AnchorKeyring['source'] = 'configured'): AnchorKeyring {
  const verifying = new Map<string, string>();
  for (const k of retired) verifying.set(k.id, k.secret);
  if (signing) verifying.set(signing.id, signing.secret);
  return { signing, verifying, source };
}

/**
 * The keyring the environment gives: AUDIT_ANCHOR_KEY (with AUDIT_ANCHOR_KEY_ID, or an id derived
 * from it) and AUDIT_ANCHOR_RETIRED_KEYS; without a key, the development key outside production
 * and nothing in production (the server refuses to start then, see db/startup.ts).
 */
export function keyringFromEnv(): AnchorKeyring {
  const { key, keyId, retiredKeys } = env.auditAnchor;
  const retired = parseRetiredKeys(retiredKeys);
  if (key) return keyringOf({ id: keyId ?? defaultKeyId(key), secret: key }, retired, 'configured');
  if (!env.isProduction) return keyringOf(DEVELOPMENT_ANCHOR_KEY, retired, 'development');
  return keyringOf(null, retired, 'none');
}

const holder = globalThis as unknown as { __portalAnchorSettings?: AnchorSettings };

/** The settings the writer and the schedule use: from the environment unless set for this process. */
export function anchorSettings(): AnchorSettings {
  holder.__portalAnchorSettings ??= { keyring: keyringFromEnv(), every: env.auditAnchor.every };
  return holder.__portalAnchorSettings;
}

/** Sets this process's anchor settings (scripts with their own key, tests); null goes back to the environment. */
export function setAnchorSettings(settings: AnchorSettings | null): void {
  holder.__portalAnchorSettings = settings ?? undefined;
}

/** The text that is signed: a fixed label and version, then the fields in a fixed order. */
export function anchorMessage(f: AnchorFields): string {
  return ['incubator-portal/audit-anchor/v1', f.keyId, String(f.headId), f.headHash, String(f.entryCount), f.at.toISOString()].join('\n');
}

export function signAnchor(secret: string, f: AnchorFields): string {
  return createHmac('sha256', secret).update(anchorMessage(f)).digest('hex');
}

export type SignatureCheck = 'ok' | 'unknown_key' | 'bad_signature';

export function checkAnchorSignature(keyring: AnchorKeyring, a: AnchorFields & { signature: string }): SignatureCheck {
  const secret = keyring.verifying.get(a.keyId);
  if (secret === undefined) return 'unknown_key';
  const expected = Buffer.from(signAnchor(secret, a), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(a.signature) ? a.signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad_signature';
}

/** The same lock as the chain's writer (db/audit/chain.ts): anchors see a head no writer is moving. */
const AUDIT_CHAIN_LOCK = 7_310_116;

/**
 * The newest anchor this process can trust: signed with a known key and not ahead of the head.
 * Anchors the application's role inserted by other means (it may insert) are passed over, so a
 * planted anchor cannot stop anchoring; `audit:verify` reports them.
 */
async function lastTrustedAnchor(tx: DbOrTx, keyring: AnchorKeyring, headId: number): Promise<AuditAnchor | null> {
  const rows = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(20);
  return rows.find((a) => a.headId <= headId && checkAnchorSignature(keyring, a) === 'ok') ?? null;
}

async function entriesAfter(tx: DbOrTx, id: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(auditLog).where(gt(auditLog.id, id));
  return Number(row?.n ?? 0);
}

/**
 * The number of entries up to `headId`: counted on from the last trusted anchor (a few rows
 * read), otherwise counted in full.
 */
async function countUpTo(tx: DbOrTx, last: AuditAnchor | null, headId: number): Promise<number> {
  if (last) {
    const [row] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.id} > ${last.headId} AND ${auditLog.id} <= ${headId}`);
    return last.entryCount + Number(row?.n ?? 0);
  }
  const [row] = await tx.select({ n: count() }).from(auditLog).where(lte(auditLog.id, headId));
  return Number(row?.n ?? 0);
}

async function insertAnchor(tx: DbOrTx, key: AnchorKey, head: { id: number; hash: string }, entryCount: number): Promise<AuditAnchor> {
  const fields: AnchorFields = { at: new Date(), headId: head.id, headHash: head.hash, entryCount, keyId: key.id };
  const [row] = await tx
    .insert(auditAnchors)
    .values({ ...fields, signature: signAnchor(key.secret, fields) })
    .returning();
  return row!;
}

/**
 * Called by the chain's writer after it appended entries, inside its transaction and under the
 * chain's lock: anchors the new head when at least `every` entries follow the last anchor.
 */
export async function anchorAfterWrite(tx: Tx, head: { id: number; hash: string }, settings = anchorSettings()): Promise<AuditAnchor | null> {
  const key = settings.keyring.signing;
  if (!key || settings.every <= 0) return null;
  const last = await lastTrustedAnchor(tx, settings.keyring, head.id);
  const since = await entriesAfter(tx, last?.headId ?? 0);
  if (since < settings.every) return null;
  return insertAnchor(tx, key, head, await countUpTo(tx, last, head.id));
}

/**
 * Anchors the chain's head now, in a transaction of its own (the schedule, the command line).
 * Nothing is written when the log is empty or its head is already the last anchor's.
 */
export async function anchorHead(db: Db, settings = anchorSettings()): Promise<AuditAnchor | null> {
  const key = settings.keyring.signing;
  if (!key) return null;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [head] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    if (!head) return null;
    const last = await lastTrustedAnchor(tx, settings.keyring, head.id);
    if (last && last.headId === head.id && last.headHash === head.hash) return null;
    return insertAnchor(tx, key, head, await countUpTo(tx, last, head.id));
  });
}

/** One anchor as a line of the anchor file (JSON). */
export type AnchorLine = { id: number; at: string; headId: number; headHash: string; entryCount: number; keyId: string; signature: string };

export function anchorLine(a: AuditAnchor): AnchorLine {
  return { id: a.id, at: a.at.toISOString(), headId: a.headId, headHash: a.headHash, entryCount: a.entryCount, keyId: a.keyId, signature: a.signature };
}

/** The anchors of an anchor file, oldest first; a line that is not an anchor is reported by its number. */
export function readAnchorFile(file: string): { anchors: (AnchorLine & { line: number })[]; unreadable: number[] } {
  if (!fs.existsSync(file)) return { anchors: [], unreadable: [] };
  const anchors: (AnchorLine & { line: number })[] = [];
  const unreadable: number[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      try {
        const v = JSON.parse(text) as AnchorLine;
        const ok =
          Number.isSafeInteger(v.id) &&
          Number.isSafeInteger(v.headId) &&
          Number.isSafeInteger(v.entryCount) &&
          typeof v.headHash === 'string' &&
          typeof v.keyId === 'string' &&
          typeof v.signature === 'string' &&
          typeof v.at === 'string' &&
          !Number.isNaN(Date.parse(v.at));
        if (ok) anchors.push({ ...v, line: i + 1 });
        else unreadable.push(i + 1);
      } catch {
        unreadable.push(i + 1);
      }
    });
  return { anchors, unreadable };
}

/**
 * Appends to the anchor file every anchor of the database it does not hold yet (after the
 * anchors were committed, so the file never names one that was rolled back). Gives the number
 * appended.
 */
export async function copyAnchorsToFile(db: DbOrTx, file: string): Promise<number> {
  const known = readAnchorFile(file).anchors;
  const after = known.reduce((m, a) => Math.max(m, a.id), 0);
  const rows = await db.select().from(auditAnchors).where(gt(auditAnchors.id, after)).orderBy(auditAnchors.id);
  if (rows.length === 0) return 0;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.appendFileSync(file, rows.map((r) => `${JSON.stringify(anchorLine(r))}\n`).join(''), { mode: 0o600 });
  return rows.length;
}
