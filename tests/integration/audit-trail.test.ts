import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Db, type Tx } from '@/db/connect';
import { updateCarrierProfile } from '@/db/queries/carriers/carriers';
import { auditLog } from '@/db/schema';
import { writeAuditEntries, type Actor } from '@/db/audit';
import { auditHash } from '@/lib/audit-hash';
import { verifyAuditChain } from '@/db/audit/verify';
import { carrierProfileInput } from '@/lib/validation/carrier';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { openTestDatabase, postgresUrl } from '../helpers/db';

let handle: DatabaseHandle;
let db: Db;
let actor: Actor;

beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
  const op = await makeUser(db, 'operator');
  const carrier = await makeCarrier(db, 'incubator');
  await bindOperator(db, op.id, carrier.id);
  actor = { userId: op.id, role: 'operator', ip: '127.0.0.1' };
  const scope = { kind: 'carriers' as const, carrierIds: [carrier.id] };
  const form = (version: number, mentors: string) => ({
    carrierId: String(carrier.id),
    version: String(version),
    totalAreaM2: '12,000',
    incubationAreaM2: '9000',
    publicServiceAreaM2: '2000',
    workstations: '300',
    services: '工商注册代办、投融资对接',
    seedFundFen: '5,000,000.50',
    professionalStaff: '8',
    totalStaff: '10',
    mentors,
    focusIndustries: ['ai', 'software'],
    specialised: 'on',
    contactName: '王主任',
    contactPhone: '021-5080 1234',
    contactEmail: 'office@example.org',
  });
  // Entries with many changed fields, whose keys jsonb stores in another order.
  await updateCarrierProfile(db, actor, scope, carrierProfileInput.parse(form(1, '12')));
  await updateCarrierProfile(db, actor, scope, carrierProfileInput.parse(form(2, '13')));
  await db.transaction((tx) =>
    writeAuditEntries(
      tx,
      actor,
      Array.from({ length: 6 }, (_, i) => ({
        action: 'test.nested',
        entity: 'test',
        entityId: i,
        carrierId: carrier.id,
        before: { zeta: i, alpha: { b: [{ y: 1, x: 2 }], a: 'é' } },
        after: { when: new Date(Date.UTC(2026, 0, i + 1)), n: 1.5 },
      })),
    ),
  );
});
afterAll(async () => {
  await handle?.close();
});

const ids = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
const total = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;

/** Changes the log the way only someone able to switch the trigger off could. */
const behindTrigger = (fn: (tx: Tx) => Promise<unknown>) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await fn(tx);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  });

/** The database's own message for a refused statement (drizzle wraps it). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => {
      const err = e as Error & { cause?: Error };
      return err.cause?.message ?? err.message;
    },
  );

describe('the audit chain', () => {
  it('verifies the entries real writes made, a page at a time or all at once', async () => {
    const n = await total();
    expect(n).toBeGreaterThanOrEqual(8);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: n });
    expect(await verifyAuditChain(db, 3)).toEqual({ ok: true, entries: n });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries', async () => {
    const [first] = await ids();
    expect(await refusal(db.update(auditLog).set({ ip: '10.0.0.1' }).where(eq(auditLog.id, first!)))).toMatch(
      `audit_log is append-only: UPDATE of entry ${first} refused`,
    );
    expect(await refusal(db.delete(auditLog).where(eq(auditLog.id, first!)))).toMatch(`audit_log is append-only: DELETE of entry ${first} refused`);
    expect(await refusal(db.execute(sql`TRUNCATE audit_log`))).toMatch('audit_log is append-only: TRUNCATE refused');
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: await total() });
  });

  it.skipIf(!postgresUrl)('stays linked through 30 concurrent writing transactions on PostgreSQL', async () => {
    const { rows } = await db.execute<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${rows[0]!.name}`;
    const pools = [1, 2, 3].map(() => openDatabase(url.toString()));
    const before = await total();
    try {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          pools[i % pools.length]!.db.transaction(async (tx) => {
            await tx.execute(sql`SELECT pg_sleep(0.01)`);
            await writeAuditEntries(
              tx,
              actor,
              [1, 2, 3].map((k) => ({ action: 'test.race', entity: 'test', entityId: `${i}-${k}`, after: { i, k } })),
            );
          }),
        ),
      );
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
    expect(await total()).toBe(before + 90);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: before + 90 });
  });

  it('names an entry altered behind the trigger’s back', async () => {
    const all = await ids();
    const target = all[Math.floor(all.length / 2)]!;
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, target));
    await behindTrigger((tx) =>
      tx
        .update(auditLog)
        .set({ after: { forged: true } })
        .where(eq(auditLog.id, target)),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: all.indexOf(target) + 1, firstBadId: target, reason: 'altered' });
    expect(await verifyAuditChain(db, 2)).toMatchObject({ ok: false, firstBadId: target, reason: 'altered' });
    await behindTrigger((tx) => tx.update(auditLog).set({ after: row!.after }).where(eq(auditLog.id, target)));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: all.length });
  });

  it('finds an entry re-hashed onto another link as a broken link', async () => {
    const all = await ids();
    const target = all[2]!;
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, target));
    const forgedPrev = 'f'.repeat(64);
    await behindTrigger((tx) =>
      tx
        .update(auditLog)
        .set({ prevHash: forgedPrev, hash: auditHash(forgedPrev, row!) })
        .where(eq(auditLog.id, target)),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadId: target, reason: 'broken_link' });
    await behindTrigger((tx) => tx.update(auditLog).set({ prevHash: row!.prevHash, hash: row!.hash }).where(eq(auditLog.id, target)));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: all.length });
  });

  it('finds a deleted middle entry at the entry that followed it', async () => {
    const all = await ids();
    const i = Math.floor(all.length / 2);
    await behindTrigger((tx) => tx.delete(auditLog).where(eq(auditLog.id, all[i]!)));
    expect(await verifyAuditChain(db)).toEqual({ ok: false, entries: i + 1, firstBadId: all[i + 1]!, reason: 'removed' });
  });
});
