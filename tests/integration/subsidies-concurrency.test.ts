import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/connect';
import { decideApplication, payApplication } from '@/db/queries/subsidies/applications';
import { applications, disbursements, reviews } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { openTestDatabase, postgresUrl } from '../helpers/db';
import { ALL, TODAY, WAN, makeProgramme, makeSubsidyWorld, type SubsidyWorld } from '../helpers/subsidy-fixtures';

/**
 * Races on PostgreSQL (PGlite runs one statement at a time, so nothing races there). Every
 * request runs in its own transaction on its own connection, spread over several pools, so
 * that all of them are in flight together.
 */
let handle: DatabaseHandle;
let pools: DatabaseHandle[] = [];
let w: SubsidyWorld;

beforeAll(async () => {
  if (!postgresUrl) return;
  handle = await openTestDatabase();
  w = await makeSubsidyWorld(handle.db);
  const { rows } = await handle.db.execute<{ name: string }>(sql`SELECT current_database() AS name`);
  const url = new URL(postgresUrl);
  url.pathname = `/${rows[0]!.name}`;
  pools = [1, 2, 3, 4].map(() => openDatabase(url.toString()));
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await handle?.close();
});

/** `n` applications of fresh tenants, already reviewed, inserted in bulk. */
async function reviewedApplications(programId: number, n: number, requestedFen: number) {
  const tenants = [];
  for (let i = 0; i < n; i++) tenants.push(await w.newVenture());
  const rows = await w.db
    .insert(applications)
    .values(
      tenants.map((t, i) => ({
        refNo: `RACE-${programId}-${i}`,
        programId,
        carrierId: w.carrier.id,
        ventureId: t.id,
        purpose: '并发',
        requestedFen,
        status: 'reviewed' as const,
        submittedAt: new Date(),
        acceptedBy: w.acceptor.userId,
      })),
    )
    .returning({ id: applications.id, version: applications.version });
  await w.db.insert(reviews).values(rows.map((r) => ({ applicationId: r.id, reviewerId: w.reviewer.userId, score: 80, recommendation: 'fund' as const })));
  return rows;
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => {
      if (e instanceof DomainError) return e;
      throw e;
    },
  );

describe('races on PostgreSQL', () => {
  it.skipIf(!postgresUrl)('40 concurrent approvals against a budget for 10 approve exactly 10', async () => {
    const award = 10 * WAN;
    const p = await makeProgramme(w.db, { budgetFen: 10 * award, capFen: award });
    const apps = await reviewedApplications(p.id, 40, award);
    const results = await Promise.all(
      apps.map((a, i) =>
        outcome(
          decideApplication(
            pools[i % pools.length]!.db,
            w.decider,
            ALL,
            { applicationId: a.id, version: a.version, decision: 'approve', approvedFen: award, inspectionDueOn: '2026-12-31' },
            TODAY,
          ),
        ),
      ),
    );
    const refused = results.filter((r): r is DomainError => r !== 'ok');
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(refused).toHaveLength(30);
    for (const e of refused) expect(e.fieldErrors?.approvedFen?.map((m) => m.key)).toEqual(['subsidyErrors.overBudget']);
    const [sum] = await w.db
      .select({ n: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${applications.approvedFen}), 0)::bigint` })
      .from(applications)
      .where(and(eq(applications.programId, p.id), eq(applications.status, 'approved')));
    expect(Number(sum!.n)).toBe(10);
    expect(Number(sum!.total)).toBeLessThanOrEqual(p.budgetFen);
  });

  it.skipIf(!postgresUrl)('two concurrent payments of one application with the same version pay once', async () => {
    const p = await makeProgramme(w.db, { budgetFen: 100 * WAN, capFen: 50 * WAN });
    const [a] = await reviewedApplications(p.id, 1, 20 * WAN);
    await decideApplication(
      w.db,
      w.decider,
      ALL,
      { applicationId: a!.id, version: a!.version, decision: 'approve', approvedFen: 20 * WAN, inspectionDueOn: '2026-12-31' },
      TODAY,
    );
    const version = a!.version + 1;
    const results = await Promise.all(
      ['V-RACE-A', 'V-RACE-B'].map((voucherNo, i) =>
        outcome(payApplication(pools[i]!.db, w.inspector, ALL, { applicationId: a!.id, version, amountFen: 15 * WAN, paidOn: TODAY, voucherNo }, TODAY)),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r !== 'ok').map((e) => (e as DomainError).code)).toEqual(['conflict']);
    const paid = await w.db.select().from(disbursements).where(eq(disbursements.applicationId, a!.id));
    expect(paid).toHaveLength(1);
    const [row] = await w.db.select().from(applications).where(eq(applications.id, a!.id));
    expect(row!.paidFen).toBe(15 * WAN);
  });
});
