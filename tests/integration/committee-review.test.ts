import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/connect';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { allCarrierChoices, carrierZones } from '@/db/queries/carriers/choices';
import { committeeWorkCounts } from '@/db/queries/subsidies/committee-queue';
import { programmeApplicationCount, programmeChoices, programmeYears } from '@/db/queries/subsidies/programme-choices';
import { internalEventIds } from '@/db/queries/subsidies/reads';
import { programmeBudgets, yearBudgets } from '@/db/queries/subsidies/programmes';
import { applicationEvents, applications, carriers, programs } from '@/db/schema';
import { committeeStepDue } from '@/lib/domain/workflow';

/** bcrypt hash of 'demo1234demo' (cost 10), precomputed so the test does not spend time hashing. */
const PASSWORD_HASH = '$2b$10$SV6dqfE.EJ.i0NSZgSME0es1a7ffRbixznxQK/Nc93mj6dAwuBw/S';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = openDatabase('memory:');
  await runMigrations(handle);
  await seedDemo(handle.db, { today: new Date('2026-11-26'), passwordHash: PASSWORD_HASH });
});
afterAll(async () => {
  await handle?.close();
});

type AppRow = typeof applications.$inferSelect;
/** What one application holds of its programme's budget, by the rule stated on committedFenSql. */
function committedOf(a: AppRow): number {
  if (a.status === 'approved' || a.status === 'paid' || a.status === 'accepted') return Number(a.finalFen ?? a.approvedFen ?? 0);
  if (a.status === 'acceptance_failed') return Number(a.paidFen);
  return 0;
}
const AWARDED = new Set(['approved', 'paid', 'accepted', 'acceptance_failed']);
const rate = (paid: number, budget: number) => (budget > 0 ? Math.round((paid * 1000) / budget) / 10 : null);

describe('budget execution on the demo network', () => {
  it('per programme: budget, committed, paid, remaining, rate and awards are the sums of its application rows', async () => {
    const [progs, apps, budgets] = await Promise.all([handle.db.select().from(programs), handle.db.select().from(applications), programmeBudgets(handle.db)]);
    expect(apps.length).toBeGreaterThan(20);
    expect(budgets).toHaveLength(progs.length);
    let someoneAwarded = false;
    for (const p of progs) {
      const mine = apps.filter((a) => a.programId === p.id);
      const committed = mine.reduce((s, a) => s + committedOf(a), 0);
      const paid = mine.reduce((s, a) => s + Number(a.paidFen), 0);
      const awards = mine.filter((a) => AWARDED.has(a.status)).length;
      const b = budgets.find((x) => x.programId === p.id)!;
      expect(b).toMatchObject({
        budgetFen: Number(p.budgetFen),
        committedFen: committed,
        paidFen: paid,
        remainingFen: Number(p.budgetFen) - committed,
        executionRate: rate(paid, Number(p.budgetFen)),
        awards,
      });
      if (awards > 0 && paid > 0) someoneAwarded = true;
    }
    expect(someoneAwarded).toBe(true);
  });

  it('per year: the sums of the programmes of that year, and of their applications', async () => {
    const [progs, apps, years] = await Promise.all([handle.db.select().from(programs), handle.db.select().from(applications), yearBudgets(handle.db)]);
    const yearsSeen = [...new Set(progs.map((p) => p.year))].sort((a, b) => b - a);
    expect(years.map((y) => y.year)).toEqual(yearsSeen);
    for (const y of years) {
      const ps = progs.filter((p) => p.year === y.year);
      const ids = new Set(ps.map((p) => p.id));
      const mine = apps.filter((a) => ids.has(a.programId));
      const budget = ps.reduce((s, p) => s + Number(p.budgetFen), 0);
      const committed = mine.reduce((s, a) => s + committedOf(a), 0);
      const paid = mine.reduce((s, a) => s + Number(a.paidFen), 0);
      expect(y).toMatchObject({
        programmes: ps.length,
        budgetFen: budget,
        committedFen: committed,
        paidFen: paid,
        remainingFen: budget - committed,
        executionRate: rate(paid, budget),
        awards: mine.filter((a) => AWARDED.has(a.status)).length,
      });
    }
    const one = await yearBudgets(handle.db, { year: yearsSeen[0] });
    expect(one).toEqual([years[0]]);
  });
});

describe('committee work counts and filter choices', () => {
  it('counts applications waiting on a committee step, leaving out finished ones', async () => {
    const [apps, progs, counts] = await Promise.all([handle.db.select().from(applications), handle.db.select().from(programs), committeeWorkCounts(handle.db)]);
    const mode = new Map(progs.map((p) => [p.id, p.fundingMode]));
    const expected = { submitted: 0, in_review: 0, reviewed: 0, approved: 0, paid: 0, accepted: 0 };
    for (const a of apps) {
      const m = mode.get(a.programId);
      if (a.status === 'paid' && m === 'post_subsidy') continue;
      if (a.status === 'accepted' && (m === 'pre_funded' || Number(a.paidFen) >= Number(a.finalFen ?? a.approvedFen ?? 0))) continue;
      if (a.status in expected) expected[a.status as keyof typeof expected] += 1;
    }
    expect(counts).toEqual(expected);
    // The same rule as lib/domain/workflow.ts states it.
    const due = apps.filter((a) =>
      committeeStepDue({
        ...a,
        fundingMode: mode.get(a.programId)!,
        paidFen: Number(a.paidFen),
        finalFen: a.finalFen === null ? null : Number(a.finalFen),
        approvedFen: a.approvedFen === null ? null : Number(a.approvedFen),
      }),
    );
    expect(due.length).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
    expect(counts.submitted).toBeGreaterThanOrEqual(2);
    expect(counts.reviewed).toBeGreaterThanOrEqual(2);
  });

  it('knows whether a programme has applications', async () => {
    const [apps, progs] = await Promise.all([handle.db.select().from(applications), handle.db.select().from(programs)]);
    for (const p of progs) expect(await programmeApplicationCount(handle.db, p.id)).toBe(apps.filter((a) => a.programId === p.id).length);
  });

  it('offers every programme, year, zone and carrier once', async () => {
    const [progs, cs] = await Promise.all([handle.db.select().from(programs), handle.db.select().from(carriers)]);
    expect((await programmeChoices(handle.db)).map((p) => p.id).sort()).toEqual(progs.map((p) => p.id).sort());
    expect(await programmeYears(handle.db)).toEqual([...new Set(progs.map((p) => p.year))].sort((a, b) => b - a));
    expect(await carrierZones(handle.db)).toEqual([...new Set(cs.map((c) => c.zone))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await allCarrierChoices(handle.db)).toHaveLength(cs.length);
  });

  it('tells the internal events of a timeline from those the applicant sees', async () => {
    const events = await handle.db.select().from(applicationEvents);
    const hidden = events.filter((e) => !e.visibleToApplicant);
    expect(hidden.length).toBeGreaterThan(0);
    const appId = hidden[0]!.applicationId;
    const ids = await internalEventIds(handle.db, appId);
    expect([...ids].sort()).toEqual(
      events
        .filter((e) => e.applicationId === appId && !e.visibleToApplicant)
        .map((e) => e.id)
        .sort(),
    );
  });
});
