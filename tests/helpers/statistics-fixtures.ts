import type { Db } from '@/db/connect';
import { annualTargets, applications, graduations, programs, residencies, ventureReports, ventures, type NewVentureReport } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import { makeCarrier, makeUser } from './fixtures';

/**
 * A small network for the annual statistics of 2025: an incubator with a steady tenant, a
 * graduate of the year and a tenant that left in 2024; a nursery with a team that filed nothing
 * and two graduations recorded without a stay in the year (figures the checks must flag).
 */
export const YEAR = 2025;
export const TODAY = '2026-03-10';
export const WAN = 1_000_000;

let n = 0;
async function company(db: Db, name: string, extra: Partial<typeof ventures.$inferInsert> = {}) {
  const i = n++;
  const [v] = await db
    .insert(ventures)
    .values({
      kind: 'company',
      name,
      creditCode: buildCreditCode('91', '310115', `S${String(i).padStart(7, '0')}`),
      industry: 'software',
      technicalField: '企业软件',
      foundedOn: '2020-01-01',
      stage: 'incubating',
      ...extra,
    })
    .returning();
  return v!;
}

export type StatisticsWorld = Awaited<ReturnType<typeof makeStatisticsWorld>>;

export async function makeStatisticsWorld(db: Db) {
  const committee = await makeUser(db, 'committee');
  const incubator = await makeCarrier(db, 'incubator', {
    name: '统计测试孵化器',
    creditCode: '91310115MA1K3Y006M',
    operatingSince: '2018-01-01',
    totalStaff: 10,
    professionalStaff: 8,
    mentors: 5,
    seedFundFen: 600 * WAN,
  });
  const nursery = await makeCarrier(db, 'nursery', { name: '统计测试苗圃', incubationAreaM2: 500, totalAreaM2: 600, publicServiceAreaM2: 50 });

  const steady = await company(db, '稳定在孵企业', { currentCarrierId: incubator.id, highTechCertNo: 'GR2025001', highTechCertOn: '2025-06-01' });
  const graduate = await company(db, '年内毕业企业', { stage: 'graduated', technicalField: null });
  const former = await company(db, '上年离开企业', { stage: 'exited' });
  const [team] = await db
    .insert(ventures)
    .values({ kind: 'team', name: '未报表团队', industry: 'ai', stage: 'nursery', currentCarrierId: nursery.id })
    .returning();
  const old1 = await company(db, '往年苗圃团队甲', { stage: 'graduated' });
  const old2 = await company(db, '往年苗圃团队乙', { stage: 'graduated' });

  await db.insert(residencies).values([
    { ventureId: steady.id, carrierId: incubator.id, stage: 'incubating', enteredOn: '2024-03-01', areaM2: 300 },
    {
      ventureId: graduate.id,
      carrierId: incubator.id,
      stage: 'incubating',
      enteredOn: '2025-05-01',
      leftOn: '2025-11-30',
      exitReason: 'graduated',
      areaM2: 200,
    },
    { ventureId: former.id, carrierId: incubator.id, stage: 'incubating', enteredOn: '2023-01-01', leftOn: '2024-12-31', exitReason: 'voluntary', areaM2: 150 },
    { ventureId: team!.id, carrierId: nursery.id, stage: 'nursery', enteredOn: '2025-02-01', areaM2: 20 },
    { ventureId: old1.id, carrierId: nursery.id, stage: 'nursery', enteredOn: '2022-01-01', leftOn: '2024-06-30', exitReason: 'graduated', areaM2: 10 },
    { ventureId: old2.id, carrierId: nursery.id, stage: 'nursery', enteredOn: '2022-01-01', leftOn: '2024-06-30', exitReason: 'graduated', areaM2: 10 },
  ]);
  await db.insert(graduations).values([
    { ventureId: graduate.id, carrierId: incubator.id, graduatedOn: '2025-11-30', criteria: ['financing'], evidence: '投资协议', status: 'verified' },
    { ventureId: steady.id, carrierId: incubator.id, graduatedOn: '2025-12-20', criteria: ['high_tech'], evidence: '证书', status: 'pending' },
    { ventureId: old1.id, carrierId: nursery.id, graduatedOn: '2025-03-01', criteria: ['revenue'], evidence: '报表', status: 'verified' },
    { ventureId: old2.id, carrierId: nursery.id, graduatedOn: '2025-04-01', criteria: ['exit'], evidence: '公告', status: 'verified' },
  ]);

  const q = (
    ventureId: number,
    carrierId: number,
    year: number,
    quarter: number,
    wan: { revenue: number; rd: number; tax?: number; profit?: number; financing?: number },
    extra: Partial<NewVentureReport> = {},
  ): NewVentureReport => ({
    ventureId,
    carrierId,
    year,
    quarter,
    revenueFen: wan.revenue * WAN,
    rdSpendFen: wan.rd * WAN,
    taxFen: (wan.tax ?? 0) * WAN,
    netProfitFen: (wan.profit ?? 0) * WAN,
    financingFen: (wan.financing ?? 0) * WAN,
    employees: 10 + quarter,
    ipFiled: quarter,
    ipGranted: quarter - 1,
    inventionPatents: 2 + quarter,
    ...extra,
  });
  const reports: NewVentureReport[] = [
    // The steady tenant spends more on R&D than it earns, outside a research-led industry.
    q(steady.id, incubator.id, YEAR, 1, { revenue: 10, rd: 20, tax: 1, profit: -5 }),
    q(steady.id, incubator.id, YEAR, 2, { revenue: 12, rd: 20, tax: 1, profit: -4 }),
    q(steady.id, incubator.id, YEAR, 3, { revenue: 14, rd: 20, tax: 2, profit: -3, financing: 300 }),
    q(steady.id, incubator.id, YEAR, 4, { revenue: 16, rd: 20, tax: 2, profit: -2 }),
    q(steady.id, incubator.id, YEAR - 1, 4, { revenue: 999, rd: 1 }),
    q(graduate.id, incubator.id, YEAR, 2, { revenue: 100, rd: 10, tax: 5, profit: 20, financing: 600 }),
    q(graduate.id, incubator.id, YEAR, 3, { revenue: 150, rd: 10, tax: 6, profit: 30 }),
  ];
  await db.insert(ventureReports).values(reports);

  const [programme] = await db
    .insert(programs)
    .values({
      code: `STAT-${YEAR}-RENT`,
      nameZh: '房租补贴',
      nameEn: 'Rent subsidy',
      year: YEAR,
      category: 'rent',
      applicantType: 'venture',
      eligibleKinds: ['incubator'],
      fundingMode: 'pre_funded',
      budgetFen: 200 * WAN,
      capFen: 50 * WAN,
      opensOn: '2025-03-01',
      closesOn: '2025-09-30',
      status: 'closed',
    })
    .returning();
  await db.insert(applications).values([
    {
      refNo: 'STAT-1',
      programId: programme!.id,
      carrierId: incubator.id,
      ventureId: steady.id,
      purpose: '房租',
      requestedFen: 40 * WAN,
      approvedFen: 30 * WAN,
      paidFen: 30 * WAN,
      status: 'paid',
    },
    {
      refNo: 'STAT-2',
      programId: programme!.id,
      carrierId: incubator.id,
      ventureId: graduate.id,
      purpose: '房租',
      requestedFen: 20 * WAN,
      approvedFen: 20 * WAN,
      status: 'approved',
    },
    { refNo: 'STAT-3', programId: programme!.id, carrierId: incubator.id, ventureId: graduate.id, purpose: '房租', requestedFen: 20 * WAN, status: 'rejected' },
  ]);
  await db.insert(annualTargets).values([
    { year: YEAR, metric: 'high_tech_enterprises', targetMin: 1, unit: '个' },
    { year: YEAR, metric: 'new_incubators', targetMin: 10, targetMax: 20, unit: '家' },
    { year: YEAR, metric: 'rd_institutions', targetMin: 560, unit: '个' },
  ]);
  return { committee, incubator, nursery, steady, graduate, former, team: team!, old1, old2, reports };
}
