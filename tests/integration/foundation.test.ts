import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { migrationStatus } from '@/db/migrate';
import { carrierCountsByKind, carrierSummaries, ventureCountsByStage } from '@/db/queries/network/carrier-counts';
import { carrierIdsOfOperator, findUserForSignIn, getAuthUser, listAccounts } from '@/db/queries/accounts/users';
import { residencies, ventureReports } from '@/db/schema';
import { verifyCredentials } from '@/lib/server/auth';
import { bindOperator, makeCarrier, makeResidentCompany, makeUser, TEST_PASSWORD } from '../helpers/fixtures';
import { openTestDatabase } from '../helpers/db';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('migrations', () => {
  it('are all applied and reported current', async () => {
    const status = await migrationStatus(handle);
    expect(status.available).toBeGreaterThan(0);
    expect(status).toMatchObject({ current: true });
    expect(status.applied).toBe(status.available);
  });
});

describe('constraints in the database', () => {
  it('refuses a second account with the same email in another case', async () => {
    await makeUser(handle.db, 'committee', { email: 'Same@Example.org' });
    await expect(makeUser(handle.db, 'committee', { email: 'same@example.org' })).rejects.toThrow();
  });

  it('refuses a second open residency for one venture', async () => {
    const c = await makeCarrier(handle.db, 'incubator');
    const v = await makeResidentCompany(handle.db, c.id);
    await expect(handle.db.insert(residencies).values({ ventureId: v.id, carrierId: c.id, stage: 'incubating', enteredOn: '2025-07-01' })).rejects.toThrow();
  });

  it('refuses a second report for the same venture and quarter, and negative money', async () => {
    const c = await makeCarrier(handle.db, 'incubator');
    const v = await makeResidentCompany(handle.db, c.id);
    const row = { ventureId: v.id, carrierId: c.id, year: 2026, quarter: 1, revenueFen: 100 };
    await handle.db.insert(ventureReports).values(row);
    await expect(handle.db.insert(ventureReports).values(row)).rejects.toThrow();
    await expect(handle.db.insert(ventureReports).values({ ...row, quarter: 2, revenueFen: -1 })).rejects.toThrow();
    await expect(handle.db.insert(ventureReports).values({ ...row, quarter: 5 })).rejects.toThrow();
  });

  it('refuses a duplicate credit code and a company without one', async () => {
    const c = await makeCarrier(handle.db, 'incubator');
    const v = await makeResidentCompany(handle.db, c.id);
    await expect(
      handle.db.execute(sql`INSERT INTO ventures (kind, name, credit_code, industry, stage) VALUES ('company', 'x', ${v.creditCode}, 'ai', 'incubating')`),
    ).rejects.toThrow();
    await expect(handle.db.execute(sql`INSERT INTO ventures (kind, name, industry, stage) VALUES ('company', 'y', 'ai', 'incubating')`)).rejects.toThrow();
  });
});

describe('accounts and sign-in', () => {
  it('finds a user by email in any case and checks the password', async () => {
    const u = await makeUser(handle.db, 'operator', { email: 'mixed.Case@test.example' });
    expect((await findUserForSignIn(handle.db, 'MIXED.case@TEST.example'))?.id).toBe(u.id);
    expect(await verifyCredentials(handle.db, { email: 'mixed.case@test.example', password: TEST_PASSWORD })).toMatchObject({
      id: String(u.id),
      role: 'operator',
    });
    expect(await verifyCredentials(handle.db, { email: 'mixed.case@test.example', password: 'wrong password' })).toBeNull();
  });

  it('refuses a deactivated account even with the right password', async () => {
    const u = await makeUser(handle.db, 'committee', { active: false });
    expect(await verifyCredentials(handle.db, { email: u.email, password: TEST_PASSWORD })).toBeNull();
    expect((await getAuthUser(handle.db, u.id))?.active).toBe(false);
  });

  it('compares a password hash even when the email is unknown or malformed', async () => {
    // bcrypt at cost 10 takes tens of milliseconds; a lookup that skipped it would take ~1 ms.
    for (const email of ['nobody@test.example', 'not-an-email']) {
      const started = performance.now();
      expect(await verifyCredentials(handle.db, { email, password: 'whatever' })).toBeNull();
      expect(performance.now() - started).toBeGreaterThan(15);
    }
  });

  it('lists accounts with search, role filter and pagination', async () => {
    for (let i = 0; i < 7; i++) await makeUser(handle.db, 'admin', { name: `分页管理员${i}` });
    const first = await listAccounts(handle.db, { q: '分页管理员', role: 'admin', page: 1, pageSize: 5 });
    const second = await listAccounts(handle.db, { q: '分页管理员', role: 'admin', page: 2, pageSize: 5 });
    expect(first.total).toBe(7);
    expect(first.rows).toHaveLength(5);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(7);
    const none = await listAccounts(handle.db, { q: '分页管理员', role: 'operator', page: 1, pageSize: 5 });
    expect(none.total).toBe(0);
    expect(await listAccounts(handle.db, { q: '%', page: 1, pageSize: 5 })).toMatchObject({ total: 0 });
  });

  it('shows each account with exactly the carriers bound to it', async () => {
    const op = await makeUser(handle.db, 'operator', { name: '绑定检查运营方' });
    const staff = await makeUser(handle.db, 'committee', { name: '绑定检查科委' });
    const a = await makeCarrier(handle.db, 'incubator', { name: '甲孵化器' });
    const b = await makeCarrier(handle.db, 'nursery', { name: '乙苗圃' });
    await makeCarrier(handle.db, 'incubator', { name: '丙孵化器' });
    await bindOperator(handle.db, op.id, a.id);
    await bindOperator(handle.db, op.id, b.id);
    const { rows } = await listAccounts(handle.db, { q: '绑定检查', page: 1, pageSize: 10 });
    const byId = new Map(rows.map((r) => [r.id, r.carriers]));
    expect(byId.get(op.id)).toEqual(['乙苗圃', '甲孵化器'].sort());
    expect(byId.get(staff.id)).toEqual([]);
  });
});

describe('operator scope and network figures', () => {
  it('gives an operator only the carriers bound to them, with their ventures by stage', async () => {
    const op = await makeUser(handle.db, 'operator');
    const mine = await makeCarrier(handle.db, 'incubator', { incubationAreaM2: 5_000 });
    const other = await makeCarrier(handle.db, 'incubator');
    await bindOperator(handle.db, op.id, mine.id);
    await makeResidentCompany(handle.db, mine.id, 'incubating', 120);
    await makeResidentCompany(handle.db, mine.id, 'incubating', 80);
    await makeResidentCompany(handle.db, other.id, 'incubating', 999);

    const ids = await carrierIdsOfOperator(handle.db, op.id);
    expect(ids).toEqual([mine.id]);
    const [summary, ...rest] = await carrierSummaries(handle.db, ids);
    expect(rest).toHaveLength(0);
    expect(summary).toMatchObject({ id: mine.id, occupiedAreaM2: 200, openResidencies: 2, incubationAreaM2: 5_000 });
    expect(summary!.byStage).toEqual({ incubating: 2 });
    expect(await carrierSummaries(handle.db, [])).toEqual([]);
    expect(await ventureCountsByStage(handle.db, [])).toEqual([]);
    expect(await ventureCountsByStage(handle.db, ids)).toEqual([{ stage: 'incubating', ventures: 2 }]);
  });

  it('counts carriers by kind across the network', async () => {
    const before = await carrierCountsByKind(handle.db);
    await makeCarrier(handle.db, 'accelerator', { incubationAreaM2: 3_000, totalAreaM2: 4_000, publicServiceAreaM2: 0 });
    const after = await carrierCountsByKind(handle.db);
    const acc = (rows: typeof before) => rows.find((r) => r.kind === 'accelerator') ?? { carriers: 0, incubationAreaM2: 0 };
    expect(acc(after).carriers - acc(before).carriers).toBe(1);
    expect(acc(after).incubationAreaM2 - acc(before).incubationAreaM2).toBe(3_000);
  });
});
