import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { rejectGraduation, verifyGraduation } from '@/db/queries/graduations/decisions';
import { graduationQueue } from '@/db/queries/graduations/verification';
import { auditLog, graduations, residencies, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier, makeUser } from '../helpers/fixtures';
import { makeGraduate } from '../helpers/committee-network-fixtures';
import { refusal } from '../helpers/subsidy-fixtures';

const TODAY = '2026-11-26';
let handle: DatabaseHandle;
let committee: Actor;
let committee2: Actor;
let operator: Actor;
let carrierId: number;
let acceleratorId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const c1 = await makeUser(db, 'committee');
  const c2 = await makeUser(db, 'committee');
  const op = await makeUser(db, 'operator');
  committee = { userId: c1.id, role: 'committee', ip: null };
  committee2 = { userId: c2.id, role: 'committee', ip: null };
  operator = { userId: op.id, role: 'operator', ip: null };
  carrierId = (await makeCarrier(db, 'incubator')).id;
  acceleratorId = (await makeCarrier(db, 'accelerator')).id;
});

afterAll(async () => handle?.close());

describe('the graduation queue', () => {
  it('lists oldest first with the criteria the data supports beside those claimed, filtered', async () => {
    const db = handle.db;
    const a = await makeGraduate(db, carrierId, { name: '队列一', graduatedOn: '2026-10-01', status: 'pending', recordedBy: operator.userId });
    const b = await makeGraduate(db, carrierId, { name: '队列二', graduatedOn: '2025-10-01', status: 'verified' });
    // Claimed financing, which the data does not support.
    await db
      .update(graduations)
      .set({ criteria: ['financing'] })
      .where(eq(graduations.id, b.graduation.id));
    const pending = await graduationQueue(db, TODAY, { status: 'pending', page: 1, pageSize: 25 });
    expect(pending.rows.map((r) => r.id)).toContain(a.graduation.id);
    expect(pending.rows.every((r) => r.status === 'pending')).toBe(true);
    const all = await graduationQueue(db, TODAY, { carrierId, year: 2025, page: 1, pageSize: 25 });
    expect(all.rows.map((r) => r.id)).toEqual([b.graduation.id]);
    expect(all.rows[0]).toMatchObject({ claimed: ['financing'], supported: ['high_tech'] });
    const ordered = await graduationQueue(db, TODAY, { carrierId, page: 1, pageSize: 25 });
    const ids = ordered.rows.map((r) => r.id);
    expect(ids.indexOf(a.graduation.id)).toBeLessThan(ids.indexOf(b.graduation.id));
  });
});

describe('the order of each list', () => {
  it('keeps the pending queue oldest first, and shows decided graduations newest decision first', async () => {
    const db = handle.db;
    const own = (await makeCarrier(db, 'incubator')).id;
    const at = (iso: string) => new Date(`${iso}T08:00:00+08:00`);
    const make = async (name: string, status: 'pending' | 'verified' | 'rejected', recorded: string, decided: string | null) => {
      const g = await makeGraduate(db, own, { name, graduatedOn: '2026-06-01', status });
      await db
        .update(graduations)
        .set({
          createdAt: at(recorded),
          verifiedAt: decided ? at(decided) : null,
          verifiedBy: decided ? committee.userId : null,
          rejectionReason: status === 'rejected' ? '材料不全' : null,
        })
        .where(eq(graduations.id, g.graduation.id));
      return g.graduation.id;
    };
    // Recorded long ago but verified today, and recorded later but verified months ago.
    const verifiedToday = await make('今日核验', 'verified', '2026-01-05', '2026-11-26');
    const verifiedEarlier = await make('早先核验', 'verified', '2026-05-01', '2026-05-20');
    const rejectedEarlier = await make('早先退回', 'rejected', '2026-02-01', '2026-03-01');
    const rejectedLater = await make('后来退回', 'rejected', '2026-01-01', '2026-10-01');
    const pendingNewer = await make('新近待核', 'pending', '2026-11-01', null);
    const pendingOlder = await make('久待核验', 'pending', '2026-07-01', null);
    const ids = async (status?: 'pending' | 'verified' | 'rejected') =>
      (await graduationQueue(db, TODAY, { status, carrierId: own, page: 1, pageSize: 25 })).rows.map((r) => r.id);
    expect(await ids('verified')).toEqual([verifiedToday, verifiedEarlier]);
    expect(await ids('rejected')).toEqual([rejectedLater, rejectedEarlier]);
    expect(await ids('pending')).toEqual([pendingOlder, pendingNewer]);
    // Every status: what waits for a decision first, then the newest decisions.
    expect((await ids()).slice(2)).toEqual([verifiedToday, rejectedLater, verifiedEarlier, rejectedEarlier]);
  });
});

describe('verifying', () => {
  it('sets the status, who verified and when, with an audit entry; a second decision is a conflict', async () => {
    const db = handle.db;
    const g = await makeGraduate(db, carrierId, { name: '核验一', graduatedOn: '2026-09-01', status: 'pending', recordedBy: operator.userId });
    await verifyGraduation(db, committee, { graduationId: g.graduation.id, ventureVersion: g.venture.version });
    const [row] = await db.select().from(graduations).where(eq(graduations.id, g.graduation.id));
    expect(row).toMatchObject({ status: 'verified', verifiedBy: committee.userId });
    expect(row!.verifiedAt).toBeInstanceOf(Date);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'graduation.verify'), eq(auditLog.entityId, String(g.graduation.id))));
    expect(entry).toMatchObject({ userId: committee.userId, before: { status: 'pending' }, after: { status: 'verified' } });
    expect((await refusal(verifyGraduation(db, committee2, { graduationId: g.graduation.id }))).code).toBe('conflict');
    expect((await refusal(rejectGraduation(db, committee2, { graduationId: g.graduation.id, reason: '迟到的退回' }))).code).toBe('conflict');
  });

  it('refuses an operator, a stale venture version, the recorder and an unknown graduation', async () => {
    const db = handle.db;
    const g = await makeGraduate(db, carrierId, { name: '核验二', graduatedOn: '2026-09-01', status: 'pending', recordedBy: committee2.userId });
    expect((await refusal(verifyGraduation(db, operator, { graduationId: g.graduation.id }))).code).toBe('notFound');
    expect((await refusal(verifyGraduation(db, committee, { graduationId: g.graduation.id, ventureVersion: g.venture.version + 1 }))).code).toBe('conflict');
    expect((await refusal(verifyGraduation(db, committee2, { graduationId: g.graduation.id }))).code).toBe('forbidden');
    expect((await refusal(verifyGraduation(db, committee, { graduationId: 999_999 }))).code).toBe('notFound');
    const [row] = await db.select().from(graduations).where(eq(graduations.id, g.graduation.id));
    expect(row!.status).toBe('pending');
  });
});

describe('rejecting', () => {
  it('needs a reason', async () => {
    const g = await makeGraduate(handle.db, carrierId, { name: '退回零', graduatedOn: '2026-09-01', status: 'pending' });
    const e = await refusal(rejectGraduation(handle.db, committee, { graduationId: g.graduation.id, reason: '   ' }));
    expect(e.code).toBe('invalid');
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(['reason']);
  });

  it('makes the venture a tenant of the carrier again, exactly as before the graduation', async () => {
    const db = handle.db;
    const g = await makeGraduate(db, carrierId, {
      name: '退回一',
      graduatedOn: '2026-09-15',
      status: 'pending',
      enteredOn: '2023-05-01',
      areaM2: 260,
      recordedBy: operator.userId,
    });
    const r = await rejectGraduation(db, committee, { graduationId: g.graduation.id, reason: '缺少银行进账单', ventureVersion: g.venture.version });
    expect(r).toEqual({ residencyId: g.residency.id, stage: 'incubating' });
    const [grad] = await db.select().from(graduations).where(eq(graduations.id, g.graduation.id));
    expect(grad).toMatchObject({ status: 'rejected', rejectionReason: '缺少银行进账单', verifiedBy: committee.userId });
    const [venture] = await db.select().from(ventures).where(eq(ventures.id, g.venture.id));
    expect(venture).toMatchObject({ stage: 'incubating', currentCarrierId: carrierId, version: g.venture.version + 1 });
    const stays = await db.select().from(residencies).where(eq(residencies.ventureId, g.venture.id));
    expect(stays).toHaveLength(1);
    expect(stays[0]).toMatchObject({
      id: g.residency.id,
      carrierId,
      stage: 'incubating',
      enteredOn: '2023-05-01',
      leftOn: null,
      exitReason: null,
      areaM2: 260,
      workstations: 4,
    });
    const entries = await db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(inArray(auditLog.action, ['graduation.reject', 'residency.reopen', 'venture.ungraduate']));
    expect(entries.map((e) => e.action).sort()).toEqual(['graduation.reject', 'residency.reopen', 'venture.ungraduate']);
    expect(entries.find((e) => e.action === 'residency.reopen')).toMatchObject({
      before: { leftOn: '2026-09-15', exitReason: 'graduated' },
      after: { leftOn: null, exitReason: null },
    });
  });

  it('restores a team to the nursery stage of the stay the graduation closed', async () => {
    const db = handle.db;
    const g = await makeGraduate(db, carrierId, { name: '退回苗圃', graduatedOn: '2026-09-15', status: 'pending', stage: 'nursery' });
    await rejectGraduation(db, committee, { graduationId: g.graduation.id, reason: '材料不全' });
    const [venture] = await db.select().from(ventures).where(eq(ventures.id, g.venture.id));
    expect(venture!.stage).toBe('nursery');
  });

  it('is refused once the venture has moved on, and changes nothing', async () => {
    const db = handle.db;
    const g = await makeGraduate(db, carrierId, { name: '已入加速器', graduatedOn: '2026-08-01', status: 'pending' });
    // Admitted into an accelerator since.
    await db.insert(residencies).values({ ventureId: g.venture.id, carrierId: acceleratorId, stage: 'accelerating', enteredOn: '2026-09-01' });
    const [moved] = await db
      .update(ventures)
      .set({ stage: 'accelerating', currentCarrierId: acceleratorId, version: g.venture.version + 1 })
      .where(eq(ventures.id, g.venture.id))
      .returning();
    expect((await refusal(rejectGraduation(db, committee, { graduationId: g.graduation.id, reason: '材料不全', ventureVersion: moved!.version }))).code).toBe(
      'conflict',
    );
    const [grad] = await db.select().from(graduations).where(eq(graduations.id, g.graduation.id));
    expect(grad!.status).toBe('pending');
    const [closed] = await db.select().from(residencies).where(eq(residencies.id, g.residency.id));
    expect(closed).toMatchObject({ leftOn: '2026-08-01', exitReason: 'graduated' });
  });

  it('is refused with a stale venture version', async () => {
    const g = await makeGraduate(handle.db, carrierId, { name: '版本过期', graduatedOn: '2026-08-01', status: 'pending' });
    expect(
      (await refusal(rejectGraduation(handle.db, committee, { graduationId: g.graduation.id, reason: '材料不全', ventureVersion: g.venture.version - 1 })))
        .code,
    ).toBe('conflict');
  });
});
