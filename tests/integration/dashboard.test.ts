import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { operatorDashboard } from '@/db/queries/carriers/operator-dashboard';
import { applications, graduations, programs, residencies, ventureReports, ventures } from '@/db/schema';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import type { Scope } from '@/lib/roles';
import { operatorFigures } from '@/lib/operator-figures';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { makeTenant } from '../helpers/graduation-fixtures';
import { countingDb } from '../helpers/reports-fixtures';
import { openTestDatabase } from '../helpers/db';

const TODAY = '2026-11-26'; // the last closed quarter is 2026 Q3
let handle: DatabaseHandle;
let scope: Scope;
let ids: { incubator: number; nursery: number; foreign: number };

type Tenant = { carrier: 'incubator' | 'foreign'; enteredOn: string; areaM2: number; warnings?: string[]; highTech?: boolean; reportedQ3?: boolean };
const TENANTS: Tenant[] = [
  { carrier: 'incubator', enteredOn: '2026-03-01', areaM2: 120, reportedQ3: true },
  { carrier: 'incubator', enteredOn: '2024-05-01', areaM2: 200, warnings: ['founded_over_24_months'], reportedQ3: true },
  { carrier: 'incubator', enteredOn: '2021-01-01', areaM2: 50 }, // overdue
  { carrier: 'incubator', enteredOn: '2022-12-01', areaM2: 80 }, // due soon
  { carrier: 'incubator', enteredOn: '2025-01-01', areaM2: 60, highTech: true }, // a candidate
  { carrier: 'incubator', enteredOn: '2026-10-15', areaM2: 40 }, // entered after Q3: no report due
  { carrier: 'foreign', enteredOn: '2026-02-01', areaM2: 500, highTech: true, warnings: ['founded_over_24_months'] },
];
type Past = { stage: 'graduated' | 'exited'; enteredOn: string; leftOn: string; graduation?: { status: 'verified' | 'pending' | 'rejected'; on: string } };
const PAST: Past[] = [
  { stage: 'graduated', enteredOn: '2022-01-01', leftOn: '2026-04-01', graduation: { status: 'verified', on: '2026-04-01' } },
  { stage: 'graduated', enteredOn: '2021-01-01', leftOn: '2025-06-01', graduation: { status: 'verified', on: '2025-06-01' } },
  { stage: 'graduated', enteredOn: '2022-02-01', leftOn: '2026-11-01', graduation: { status: 'pending', on: '2026-11-01' } },
  { stage: 'exited', enteredOn: '2023-01-01', leftOn: '2026-08-01' }, // resident during Q3, no report
];
const APPS: { carrier: 'incubator' | 'nursery' | 'foreign'; status: 'draft' | 'submitted' | 'approved' | 'withdrawn'; requestedFen: number }[] = [
  { carrier: 'incubator', status: 'draft', requestedFen: 1_000_000 },
  { carrier: 'incubator', status: 'submitted', requestedFen: 2_000_000 },
  { carrier: 'nursery', status: 'submitted', requestedFen: 3_000_000 },
  { carrier: 'incubator', status: 'approved', requestedFen: 4_000_000 },
  { carrier: 'incubator', status: 'withdrawn', requestedFen: 500_000 },
  { carrier: 'foreign', status: 'submitted', requestedFen: 9_000_000 },
];
const TEAM = { enteredOn: '2026-02-01', areaM2: 10 };

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const op = await makeUser(db, 'operator');
  const incubator = await makeCarrier(db, 'incubator', { incubationAreaM2: 1000 });
  const nursery = await makeCarrier(db, 'nursery', { incubationAreaM2: 300 });
  const foreign = await makeCarrier(db, 'incubator');
  ids = { incubator: incubator.id, nursery: nursery.id, foreign: foreign.id };
  await bindOperator(db, op.id, incubator.id);
  await bindOperator(db, op.id, nursery.id);
  scope = { kind: 'carriers', carrierIds: [incubator.id, nursery.id] };

  for (const t of TENANTS) {
    const v = await makeTenant(db, ids[t.carrier], {
      enteredOn: t.enteredOn,
      areaM2: t.areaM2,
      ruleWarnings: t.warnings,
      highTechCertNo: t.highTech ? 'GR202431000777' : null,
      highTechCertOn: t.highTech ? '2025-06-01' : null,
    });
    if (t.reportedQ3) await db.insert(ventureReports).values({ ventureId: v.id, carrierId: ids[t.carrier], year: 2026, quarter: 3, revenueFen: 1 });
  }
  for (const p of PAST) {
    const v = await makeTenant(db, incubator.id, { enteredOn: p.enteredOn });
    await db
      .update(residencies)
      .set({ leftOn: p.leftOn, exitReason: p.stage === 'graduated' ? 'graduated' : 'failed' })
      .where(eq(residencies.id, v.residencyId));
    await db
      .update(ventures)
      .set({ stage: p.stage, currentCarrierId: p.stage === 'graduated' ? incubator.id : null })
      .where(eq(ventures.id, v.id));
    if (p.graduation) {
      await db.insert(graduations).values({
        ventureId: v.id,
        carrierId: incubator.id,
        graduatedOn: p.graduation.on,
        criteria: ['high_tech'],
        evidence: '证书',
        status: p.graduation.status,
      });
    }
  }
  const [team] = await db
    .insert(ventures)
    .values({ kind: 'team', name: '苗圃团队', industry: 'ai', stage: 'nursery', currentCarrierId: nursery.id })
    .returning();
  await db.insert(residencies).values({ ventureId: team!.id, carrierId: nursery.id, stage: 'nursery', enteredOn: TEAM.enteredOn, areaM2: TEAM.areaM2 });

  const [program] = await db
    .insert(programs)
    .values({
      code: 'T-2026-01',
      nameZh: '测试专项',
      nameEn: 'Test programme',
      year: 2026,
      category: 'operation',
      applicantType: 'carrier',
      fundingMode: 'pre_funded',
      budgetFen: 100_000_000,
      capFen: 10_000_000,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      status: 'open',
    })
    .returning();
  await db.insert(applications).values(
    APPS.map((a, i) => ({
      refNo: `T-${i}`,
      programId: program!.id,
      carrierId: ids[a.carrier],
      purpose: '运营',
      requestedFen: a.requestedFen,
      status: a.status,
      approvedFen: a.status === 'approved' ? a.requestedFen : null,
    })),
  );
});
afterAll(async () => {
  await handle?.close();
});

describe('operatorDashboard', () => {
  it('adds up the operator’s carriers from the rows inserted, and nothing of others', async () => {
    const d = (await operatorDashboard(handle.db, scope, TODAY))!;
    const mine = TENANTS.filter((t) => t.carrier === 'incubator');
    const incubatorArea = mine.reduce((s, t) => s + t.areaM2, 0);
    const inc = d.carriers.find((c) => c.id === ids.incubator)!;
    const nur = d.carriers.find((c) => c.id === ids.nursery)!;
    expect(d.carriers.map((c) => c.id).sort()).toEqual([ids.incubator, ids.nursery].sort());
    expect(inc).toMatchObject({ occupiedAreaM2: incubatorArea, incubationAreaM2: 1000, occupancyPercent: Math.round((incubatorArea * 1000) / 1000) / 10 });
    expect(nur).toMatchObject({ occupiedAreaM2: TEAM.areaM2, occupancyPercent: Math.round((TEAM.areaM2 * 1000) / 300) / 10 });
    expect(inc.byStage).toEqual({
      nursery: 0,
      incubating: mine.length,
      graduated: PAST.filter((p) => p.stage === 'graduated').length,
      accelerating: 0,
      exited: PAST.filter((p) => p.stage === 'exited').length,
    });
    expect(nur.byStage.nursery).toBe(1);
    expect(d.totals.occupiedAreaM2).toBe(incubatorArea + TEAM.areaM2);
    expect(d.totals.incubationAreaM2).toBe(1300);

    const inYear = (day: string) => day.startsWith('2026-');
    const admissions = mine.filter((t) => inYear(t.enteredOn)).length + PAST.filter((p) => inYear(p.enteredOn)).length + (inYear(TEAM.enteredOn) ? 1 : 0);
    const limitStatuses = mine.map((t) => incubationLimitStatus({ industry: 'software', incubationStartedOn: t.enteredOn, today: TODAY }).status);
    const residentInQ3 = [
      ...mine.filter((t) => t.enteredOn <= '2026-09-30').map((t) => !t.reportedQ3),
      ...PAST.filter((p) => p.enteredOn <= '2026-09-30' && p.leftOn >= '2026-07-01').map(() => true),
      TEAM.enteredOn <= '2026-09-30',
    ];
    expect(d.totals).toMatchObject({
      admissionsThisYear: admissions,
      graduationsVerifiedThisYear: PAST.filter((p) => p.graduation?.status === 'verified' && inYear(p.graduation.on)).length,
      graduationsPending: PAST.filter((p) => p.graduation?.status === 'pending').length,
      graduationCandidates: mine.filter((t) => t.highTech).length,
      admissionWarnings: mine.filter((t) => t.warnings?.length).length,
      limitsDueSoon: limitStatuses.filter((s) => s === 'due_soon').length,
      limitsOverdue: limitStatuses.filter((s) => s === 'overdue').length,
      missingReports: residentInQ3.filter(Boolean).length,
    });
    expect(d.totals.limitsDueSoon).toBe(1);
    expect(d.totals.limitsOverdue).toBe(1);
    expect(d.reportQuarter).toEqual({ year: 2026, quarter: 3 });

    const expectedApps = new Map<string, { applications: number; requestedFen: number }>();
    for (const a of APPS.filter((x) => x.carrier !== 'foreign')) {
      const e = expectedApps.get(a.status) ?? { applications: 0, requestedFen: 0 };
      expectedApps.set(a.status, { applications: e.applications + 1, requestedFen: e.requestedFen + a.requestedFen });
    }
    expect(d.applicationsByStatus).toEqual(['draft', 'submitted', 'approved', 'withdrawn'].map((status) => ({ status, ...expectedApps.get(status)! })));
  });

  it('narrows to one carrier, and refuses carriers that are not the operator’s', async () => {
    const d = (await operatorDashboard(handle.db, scope, TODAY, { carrierId: ids.nursery }))!;
    expect(d.selectedCarrierId).toBe(ids.nursery);
    expect(d.carrierChoices).toHaveLength(2);
    expect(d.carriers.map((c) => c.id)).toEqual([ids.nursery]);
    expect(d.totals).toMatchObject({ occupiedAreaM2: TEAM.areaM2, graduationCandidates: 0, limitsOverdue: 0, admissionsThisYear: 1 });
    expect(d.applicationsByStatus).toEqual([{ status: 'submitted', applications: 1, requestedFen: 3_000_000 }]);
    expect(await operatorDashboard(handle.db, scope, TODAY, { carrierId: ids.foreign })).toBeNull();
    expect(await operatorDashboard(handle.db, { kind: 'carriers', carrierIds: [] }, TODAY)).toBeNull();
  });

  it('gives a nursery-only operator the figures of its teams, and none of incubation', async () => {
    const db = handle.db;
    const own = await makeCarrier(db, 'nursery', { incubationAreaM2: 200 });
    const incubator = await makeCarrier(db, 'incubator');
    const nurseryOnly: Scope = { kind: 'carriers', carrierIds: [own.id] };
    const team = async (
      stays: { carrierId: number; stage: 'nursery' | 'incubating'; enteredOn: string; leftOn?: string; exitReason?: 'incorporated' | 'moved' | 'failed' }[],
      stage: 'nursery' | 'incubating' | 'exited',
    ) => {
      const [v] = await db
        .insert(ventures)
        .values({
          kind: 'team',
          name: `苗圃${stays[0]!.enteredOn}${stage}`,
          industry: 'ai',
          stage,
          currentCarrierId: stage === 'exited' ? null : stays.at(-1)!.carrierId,
        })
        .returning();
      await db.insert(residencies).values(stays.map((r) => ({ ventureId: v!.id, areaM2: 10, leftOn: null, exitReason: null, ...r })));
    };
    await team([{ carrierId: own.id, stage: 'nursery', enteredOn: '2026-01-10' }], 'nursery');
    await team([{ carrierId: own.id, stage: 'nursery', enteredOn: '2025-09-01' }], 'nursery');
    // Registered a company this year and entered an incubator; another last year.
    await team(
      [
        { carrierId: own.id, stage: 'nursery', enteredOn: '2025-03-01', leftOn: '2026-05-01', exitReason: 'incorporated' },
        { carrierId: incubator.id, stage: 'incubating', enteredOn: '2026-05-01' },
      ],
      'incubating',
    );
    await team(
      [
        { carrierId: own.id, stage: 'nursery', enteredOn: '2024-03-01', leftOn: '2025-05-01', exitReason: 'incorporated' },
        { carrierId: incubator.id, stage: 'incubating', enteredOn: '2025-05-01' },
      ],
      'incubating',
    );
    // Gave up this year.
    await team([{ carrierId: own.id, stage: 'nursery', enteredOn: '2025-06-01', leftOn: '2026-07-01', exitReason: 'failed' }], 'exited');
    const d = (await operatorDashboard(db, nurseryOnly, TODAY))!;
    expect(d.kinds).toEqual(['nursery']);
    expect(d.totals).toMatchObject({ incorporatedThisYear: 1, leftNurseryThisYear: 1, admissionsThisYear: 1, graduationCandidates: 0 });
    expect(d.totals.byStage.nursery).toBe(2);
    const shown = operatorFigures(d.kinds);
    expect(shown).toEqual(expect.arrayContaining(['nurseryTeams', 'incorporated', 'leftNursery']));
    expect(shown).not.toContain('incubating');
    expect(shown).not.toContain('candidates');
    // The operator of both kinds sees both.
    expect((await operatorDashboard(db, scope, TODAY))!.kinds).toEqual(['nursery', 'incubator']);
  });

  it('runs a fixed number of statements, however many ventures there are', async () => {
    const counting = countingDb(handle);
    await operatorDashboard(counting.db, scope, TODAY);
    const before = counting.count();
    for (let i = 0; i < 5; i++) await makeTenant(handle.db, ids.incubator, { highTechCertNo: 'GR1', highTechCertOn: '2025-01-01' });
    counting.reset();
    await operatorDashboard(counting.db, scope, TODAY);
    expect(counting.count()).toBe(before);
    expect(before).toBeLessThanOrEqual(10);
  });
});
