import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Db, type Tx } from '@/db/connect';
import { auditAnchors, auditLog } from '@/db/schema';
import { anchorHead, checkAnchorSignature, copyAnchorsToFile, keyringOf, readAnchorFile, setAnchorSettings, signAnchor } from '@/db/audit/anchor';
import { verifyAuditLog } from '@/db/audit/anchor-verify';
import { writeAudit, writeAuditEntries } from '@/db/audit/chain';
import { auditHash } from '@/lib/audit-hash';
import { verifyAuditChain } from '@/db/audit/verify';
import { openTestDatabase, postgresUrl } from '../helpers/db';

const KEY = { id: 'test-2026', secret: 'test-anchor-key-test-anchor-key-test' };
const keyring = keyringOf(KEY);
const EVERY = 5;

const open: DatabaseHandle[] = [];
async function fresh(): Promise<Db> {
  const handle = await openTestDatabase();
  open.push(handle);
  return handle.db;
}

beforeAll(() => setAnchorSettings({ keyring, every: EVERY }));
afterEach(() => setAnchorSettings({ keyring, every: EVERY }));
afterAll(async () => {
  setAnchorSettings(null);
  await Promise.all(open.map((h) => h.close()));
});

/** `n` changes, each in a transaction of its own, as the app makes them. */
async function write(db: Db, n: number, tag = 'e') {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) => writeAudit(tx, null, { action: 'test.anchor', entity: 'test', entityId: `${tag}-${i}`, after: { i } }));
  }
}
const entries = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));
const anchors = (db: Db) => db.select().from(auditAnchors).orderBy(asc(auditAnchors.id));

/** What someone with the owner's rights can do: switch the append-only triggers off. */
const behindTriggers = (db: Db, fn: (tx: Tx) => Promise<unknown>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await tx.execute(sql`ALTER TABLE audit_anchors DISABLE TRIGGER USER`);
    await fn(tx);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    await tx.execute(sql`ALTER TABLE audit_anchors ENABLE TRIGGER USER`);
  });

/** Changes one entry and recomputes every hash after it, so that the chain itself still verifies. */
async function rewriteFrom(db: Db, id: number, after: unknown) {
  const all = await entries(db);
  const start = all.findIndex((e) => e.id === id);
  await behindTriggers(db, async (tx) => {
    let prev = all[start]!.prevHash;
    for (const e of all.slice(start)) {
      const row = e.id === id ? { ...e, after } : e;
      const hash = auditHash(prev, row);
      await tx.update(auditLog).set({ after: row.after, prevHash: prev, hash }).where(eq(auditLog.id, e.id));
      prev = hash;
    }
  });
}

describe('anchors of the audit chain', () => {
  it('are written after every N entries with the head, the count and a valid signature; a bulk write makes one', async () => {
    const db = await fresh();
    await write(db, 12);
    const ids = (await entries(db)).map((e) => e.id);
    let list = await anchors(db);
    expect(list.map((a) => [a.headId, a.entryCount, a.keyId])).toEqual([
      [ids[4], 5, KEY.id],
      [ids[9], 10, KEY.id],
    ]);
    const all = await entries(db);
    for (const a of list) {
      expect(a.headHash).toBe(all.find((e) => e.id === a.headId)!.hash);
      expect(checkAnchorSignature(keyring, a)).toBe('ok');
    }
    await db.transaction((tx) =>
      writeAuditEntries(
        tx,
        null,
        Array.from({ length: 7 }, (_, i) => ({ action: 'test.bulk', entity: 'test', entityId: i })),
      ),
    );
    list = await anchors(db);
    const head = (await entries(db)).at(-1)!;
    expect(list).toHaveLength(3);
    expect(list[2]).toMatchObject({ headId: head.id, headHash: head.hash, entryCount: 19 });
    const report = await verifyAuditLog(db, keyring, { pageSize: 4 });
    expect(report).toMatchObject({ ok: true, chain: { ok: true, entries: 19 }, problems: [], unanchoredEntries: 0, anchors: { database: 3 } });
    expect(report.lastGoodAnchor?.id).toBe(list[2]!.id);
  });

  it('are written on schedule only when the head has moved, and not at all without a signing key', async () => {
    const db = await fresh();
    expect(await anchorHead(db)).toBeNull(); // an empty log
    await write(db, 2);
    const first = await anchorHead(db);
    expect(first).toMatchObject({ entryCount: 2 });
    expect(await anchorHead(db)).toBeNull();
    await write(db, 1);
    expect(await anchorHead(db)).toMatchObject({ entryCount: 3 });
    expect(await anchors(db)).toHaveLength(2);
    expect(await verifyAuditLog(db, keyring)).toMatchObject({ ok: true, unanchoredEntries: 0 });

    setAnchorSettings({ keyring: keyringOf(null, [KEY], 'none'), every: EVERY });
    await write(db, 6);
    expect(await anchorHead(db)).toBeNull();
    expect(await anchors(db)).toHaveLength(2);
    expect(await verifyAuditLog(db, keyring)).toMatchObject({ ok: true, unanchoredEntries: 6 });
  });

  it('refuse UPDATE, DELETE and TRUNCATE like the audit log', async () => {
    const db = await fresh();
    await write(db, EVERY);
    const [a] = await anchors(db);
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => ((e as { cause?: Error }).cause ?? (e as Error)).message,
      );
    expect(await refusal(db.update(auditAnchors).set({ entryCount: 1 }).where(eq(auditAnchors.id, a!.id)))).toMatch(
      'audit_anchors is append-only: UPDATE refused',
    );
    expect(await refusal(db.delete(auditAnchors).where(eq(auditAnchors.id, a!.id)))).toMatch('audit_anchors is append-only: DELETE refused');
    expect(await refusal(db.execute(sql`TRUNCATE audit_anchors`))).toMatch('audit_anchors is append-only: TRUNCATE refused');
  });
});

describe('audit verification against the anchors', () => {
  it('finds a truncated tail, the anchored head included, that the chain alone cannot see', async () => {
    const db = await fresh();
    await write(db, 12);
    const ids = (await entries(db)).map((e) => e.id);
    const [, second] = await anchors(db);
    await behindTriggers(db, (tx) => tx.delete(auditLog).where(gte(auditLog.id, ids[9]!)));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 9 });
    const report = await verifyAuditLog(db, keyring);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ source: 'database', anchorId: second!.id, headId: ids[9], reason: 'head_missing', detail: undefined }]);
    expect(report.lastGoodAnchor).toMatchObject({ headId: ids[4] });
  });

  it('finds a cut after the last threshold anchor through the scheduled anchor', async () => {
    const db = await fresh();
    await write(db, 12);
    const scheduled = (await anchorHead(db))!;
    const ids = (await entries(db)).map((e) => e.id);
    await behindTriggers(db, (tx) => tx.delete(auditLog).where(gte(auditLog.id, ids[10]!)));
    const report = await verifyAuditLog(db, keyring);
    expect(report.problems).toMatchObject([{ anchorId: scheduled.id, reason: 'head_missing' }]);
    expect(report.ok).toBe(false);
  });

  it('finds a rewritten stretch whose hashes were all computed again', async () => {
    const db = await fresh();
    await write(db, 12);
    const ids = (await entries(db)).map((e) => e.id);
    const list = await anchors(db);
    await rewriteFrom(db, ids[2]!, { i: 'rewritten' });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 12 });
    const report = await verifyAuditLog(db, keyring);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.anchorId, p.reason])).toEqual(list.map((a) => [a.id, 'head_changed']));
    expect(report.lastGoodAnchor).toBeNull();
  });

  it('counts the entries up to each anchor: a removed entry before it is found even where its hash holds', async () => {
    const db = await fresh();
    await write(db, 6);
    const ids = (await entries(db)).map((e) => e.id);
    const [a] = await anchors(db);
    await behindTriggers(db, (tx) => tx.delete(auditLog).where(eq(auditLog.id, ids[1]!)));
    const report = await verifyAuditLog(db, keyring);
    expect(report.chain).toMatchObject({ ok: false, firstBadId: ids[2], reason: 'removed' });
    expect(report.problems).toEqual([
      { source: 'database', anchorId: a!.id, headId: ids[4], reason: 'count_mismatch', detail: '4 entries up to it, 5 anchored' },
    ]);
  });

  it('reports a forged anchor (another key under the same id) and one of an unknown key', async () => {
    const db = await fresh();
    await write(db, 7);
    const head = (await entries(db)).at(-1)!;
    const fields = { at: new Date(), headId: head.id, headHash: head.hash, entryCount: 7, keyId: KEY.id };
    const [forged] = await db
      .insert(auditAnchors)
      .values({ ...fields, signature: signAnchor('an-attackers-guess-of-the-anchor-key', fields) })
      .returning();
    const other = { ...fields, keyId: 'k-elsewhere' };
    const [unknown] = await db
      .insert(auditAnchors)
      .values({ ...other, signature: signAnchor('k'.repeat(32), other) })
      .returning();
    const report = await verifyAuditLog(db, keyring);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { source: 'database', anchorId: forged!.id, headId: head.id, reason: 'bad_signature', detail: undefined },
      { source: 'database', anchorId: unknown!.id, headId: head.id, reason: 'unknown_key', detail: 'key k-elsewhere' },
    ]);
    expect(report.lastGoodAnchor?.entryCount).toBe(5);

    // A planted anchor far ahead of the head does not stop anchoring: the writer trusts only its own.
    const ahead = { ...fields, headId: head.id + 1_000_000 };
    await db.insert(auditAnchors).values({ ...ahead, signature: signAnchor('an-attackers-guess-of-the-anchor-key', ahead) });
    await write(db, EVERY, 'after');
    expect((await anchors(db)).filter((a) => checkAnchorSignature(keyring, a) === 'ok').map((a) => a.entryCount)).toEqual([5, 10]);
    expect(await anchorHead(db)).toMatchObject({ entryCount: 12 });
    const after = await verifyAuditLog(db, keyring);
    expect(after.lastGoodAnchor).toMatchObject({ entryCount: 12 });
    expect(after.problems.map((p) => p.reason)).toEqual(['bad_signature', 'unknown_key', 'bad_signature']);
  });

  it('checks the anchor file, and finds there the anchors deleted from the database with the tail', async () => {
    const db = await fresh();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-anchors-')), 'anchors.jsonl');
    await write(db, 12);
    expect(await copyAnchorsToFile(db, file)).toBe(2);
    expect(await copyAnchorsToFile(db, file)).toBe(0);
    const lines = () => readAnchorFile(file).anchors;
    expect(await verifyAuditLog(db, keyring, { fileAnchors: lines() })).toMatchObject({ ok: true, anchors: { database: 2, file: 2 } });

    const ids = (await entries(db)).map((e) => e.id);
    const [, second] = await anchors(db);
    await behindTriggers(db, async (tx) => {
      await tx.delete(auditLog).where(gte(auditLog.id, ids[9]!));
      await tx.delete(auditAnchors).where(eq(auditAnchors.id, second!.id));
    });
    // The database alone looks whole: the cut and its anchor went together.
    expect(await verifyAuditLog(db, keyring)).toMatchObject({ ok: true });
    const report = await verifyAuditLog(db, keyring, { fileAnchors: lines() });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.source, p.anchorId, p.reason])).toEqual([
      ['file', second!.id, 'missing_from_database'],
      ['file', second!.id, 'head_missing'],
    ]);
  });

  it.skipIf(!postgresUrl)('stays linked and anchored through 30 concurrent writing transactions on PostgreSQL', async () => {
    const db = await fresh();
    const { rows } = await db.execute<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${rows[0]!.name}`;
    const pools = [1, 2, 3].map(() => openDatabase(url.toString()));
    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          pools[i % pools.length]!.db.transaction(async (tx) => {
            await tx.execute(sql`SELECT pg_sleep(0.01)`);
            await writeAuditEntries(
              tx,
              null,
              [1, 2, 3].map((k) => ({ action: 'test.race', entity: 'test', entityId: `${i}-${k}`, after: { i, k } })),
            );
          }),
        ),
      );
      await Promise.all(pools.map((p) => anchorHead(p.db)));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    const list = await anchors(db);
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(list.at(-1)!.entryCount).toBe(90);
    const report = await verifyAuditLog(db, keyring);
    expect(report).toMatchObject({ ok: true, chain: { ok: true, entries: 90 }, problems: [], unanchoredEntries: 0 });
  });

  it.skipIf(!postgresUrl)('npm run audit:verify exits 0 on an intact chain and 1 on a truncated tail, naming the anchor (PostgreSQL)', async () => {
    const db = await fresh();
    await write(db, 12);
    const { rows } = await db.execute<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${rows[0]!.name}`;
    const verify = () =>
      spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
        env: { ...process.env, DATABASE_URL: url.toString(), AUDIT_ANCHOR_KEY: KEY.secret, AUDIT_ANCHOR_KEY_ID: KEY.id, AUDIT_ANCHOR_FILE: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const intact = verify();
    expect(intact.stdout).toContain('Audit chain ok: 12 entries (postgres).');
    expect(intact.stdout).toContain('Anchors: 2 in the database.');
    expect(intact.status).toBe(0);
    const ids = (await entries(db)).map((e) => e.id);
    const [, second] = await anchors(db);
    await behindTriggers(db, (tx) => tx.delete(auditLog).where(gte(auditLog.id, ids[7]!)));
    const cut = verify();
    expect(cut.stdout).toContain('Audit chain ok: 7 entries (postgres).');
    expect(cut.stdout).toContain(`anchor ${second!.id} (database, entry ${ids[9]}): the anchored entry is gone`);
    expect(cut.status).toBe(1);
  });
});
