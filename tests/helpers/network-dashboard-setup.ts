import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { annualTargets, applications } from '@/db/schema';
import { networkOverview } from '@/db/queries/network/overview';
import type { NetworkFilter } from '@/db/queries/network/filter';
import { openTestDatabase } from './db';
import { makeCarrier, makeUser } from './fixtures';
import { insertNetwork, quarters, reportFigures, type ReportRow, type VentureSpec } from './network-dashboard-fixtures';
import { makeProgramme, WAN } from './subsidy-fixtures';

/**
 * The committee's network dashboard over one small network: six carriers in two zones, eleven
 * ventures with their stays, graduations and reports, the year's programmes with applications and
 * the year's targets, inserted into a fresh database before the importing file's tests (and closed
 * after them); and the figures expected of it, computed from the same description independently of
 * the queries under test. The exported `let`s are set before the tests run: read them inside tests.
 */
export let handle: DatabaseHandle;
export const TODAY = '2026-03-10';
export const YEAR = 2025;
type C = {
  id: number;
  kind: 'nursery' | 'incubator' | 'accelerator';
  zone: string;
  level: string;
  opSince: string;
  area: number;
  focus: string[];
  status: string;
};
export let cs: Record<'nZ' | 'iZ' | 'aZ' | 'iJ' | 'nJ' | 'closed', C>;
export let specs: VentureSpec[];
let reports: (ReportRow & { n: number })[];
export let committeeId: number;
export let applicationRows: { carrier: number; program: number; status: string; approved: number | null; paid: number; submittedAt: Date | null }[];
export let programmeBudgetsOf: Record<number, number>;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  committeeId = (await makeUser(db, 'committee')).id;
  const make = async (
    kind: C['kind'],
    zone: string,
    level: 'national' | 'municipal' | 'district' | 'none',
    opSince: string,
    area: number,
    focus: string[],
    status: 'active' | 'closed' = 'active',
  ) => {
    const c = await makeCarrier(db, kind, {
      zone,
      level,
      operatingSince: opSince,
      totalAreaM2: 20_000,
      incubationAreaM2: area,
      focusIndustries: focus as never,
      status,
    });
    return { id: c.id, kind, zone, level, opSince, area, focus, status };
  };
  cs = {
    nZ: await make('nursery', '张江', 'district', '2018-01-01', 1000, ['software']),
    iZ: await make('incubator', '张江', 'national', '2016-05-01', 8000, ['biomedicine', 'software']),
    aZ: await make('accelerator', '张江', 'municipal', '2019-01-01', 12000, ['biomedicine']),
    iJ: await make('incubator', '金桥', 'district', '2025-03-01', 5000, ['new_energy']),
    nJ: await make('nursery', '金桥', 'none', '2026-01-10', 600, []),
    closed: await make('incubator', '金桥', 'district', '2015-01-01', 3000, ['software'], 'closed'),
  };
  const { nZ, iZ, aZ, iJ, nJ } = cs;
  specs = [
    {
      kind: 'company',
      industry: 'biomedicine',
      stage: 'accelerating',
      highTechOn: '2025-05-10',
      stays: [
        { carrier: nZ.id, stage: 'nursery', entered: '2023-04-01', left: '2024-06-30', reason: 'incorporated' },
        { carrier: iZ.id, stage: 'incubating', entered: '2024-07-01', left: '2025-08-31', reason: 'graduated' },
        { carrier: aZ.id, stage: 'accelerating', entered: '2025-09-01' },
      ],
      graduations: [{ carrier: iZ.id, on: '2025-08-31', status: 'verified' }],
      reports: [...quarters(iZ.id, 2024, 3, 4), ...quarters(iZ.id, 2025, 1, 2), ...quarters(aZ.id, 2025, 3, 4)],
    },
    {
      kind: 'team',
      industry: 'software',
      stage: 'nursery',
      stays: [{ carrier: nZ.id, stage: 'nursery', entered: '2025-02-01' }],
      reports: quarters(nZ.id, 2025),
    },
    {
      kind: 'company',
      industry: 'software',
      stage: 'incubating',
      highTechOn: '2024-11-01',
      stays: [{ carrier: iZ.id, stage: 'incubating', entered: '2024-01-15' }],
      reports: [...quarters(iZ.id, 2024), ...quarters(iZ.id, 2025)],
    },
    {
      kind: 'company',
      industry: 'new_energy',
      stage: 'incubating',
      stays: [{ carrier: iJ.id, stage: 'incubating', entered: '2025-04-01' }],
      graduations: [{ carrier: iJ.id, on: '2025-12-01', status: 'pending' }],
      reports: quarters(iJ.id, 2025, 2, 4),
    },
    {
      kind: 'company',
      industry: 'biomedicine',
      stage: 'graduated',
      highTechOn: '2023-06-01',
      stays: [{ carrier: iZ.id, stage: 'incubating', entered: '2021-03-01', left: '2024-10-31', reason: 'graduated' }],
      graduations: [{ carrier: iZ.id, on: '2024-10-31', status: 'verified' }],
      reports: quarters(iZ.id, 2024, 1, 3),
    },
    {
      kind: 'team',
      industry: 'ai',
      stage: 'exited',
      stays: [{ carrier: nZ.id, stage: 'nursery', entered: '2024-03-01', left: '2024-12-31', reason: 'failed' }],
      reports: quarters(nZ.id, 2024, 1, 3),
    },
    {
      kind: 'company',
      industry: 'new_energy',
      stage: 'incubating',
      stays: [
        { carrier: iJ.id, stage: 'incubating', entered: '2025-06-01', left: '2025-11-30', reason: 'moved' },
        { carrier: iZ.id, stage: 'incubating', entered: '2025-12-01' },
      ],
      reports: [...quarters(iJ.id, 2025, 2, 3), ...quarters(iZ.id, 2025, 4, 4)],
    },
    {
      kind: 'company',
      industry: 'software',
      stage: 'incubating',
      stays: [
        { carrier: nZ.id, stage: 'nursery', entered: '2024-05-01', left: '2025-01-31', reason: 'incorporated' },
        { carrier: iZ.id, stage: 'incubating', entered: '2025-02-01' },
      ],
      reports: [...quarters(nZ.id, 2024, 2, 4), ...quarters(iZ.id, 2025)],
    },
    {
      kind: 'company',
      industry: 'biomedicine',
      stage: 'accelerating',
      highTechOn: '2022-01-01',
      stays: [{ carrier: aZ.id, stage: 'accelerating', entered: '2024-02-01' }],
      reports: [...quarters(aZ.id, 2024), ...quarters(aZ.id, 2025)],
    },
    {
      kind: 'company',
      industry: 'software',
      stage: 'graduated',
      stays: [{ carrier: iZ.id, stage: 'incubating', entered: '2022-05-01', left: '2025-03-31', reason: 'graduated' }],
      graduations: [
        { carrier: iZ.id, on: '2025-01-15', status: 'rejected' },
        { carrier: iZ.id, on: '2025-03-31', status: 'verified' },
      ],
      reports: [...quarters(iZ.id, 2024), ...quarters(iZ.id, 2025, 1, 1)],
    },
    { kind: 'team', industry: 'other', stage: 'nursery', stays: [{ carrier: nJ.id, stage: 'nursery', entered: '2026-01-15' }] },
  ];
  await insertNetwork(db, specs, committeeId);
  reports = specs.flatMap((v, n) => (v.reports ?? []).map((r) => ({ ...reportFigures(n, r), n })));

  // Programmes of the year (and one of the year before, which must not count) with applications.
  const p1 = await makeProgramme(db, { year: YEAR, budgetFen: 100 * WAN, capFen: 50 * WAN, eligibleKinds: ['incubator'] });
  const p2 = await makeProgramme(db, {
    year: YEAR,
    budgetFen: 40 * WAN,
    capFen: 20 * WAN,
    eligibleKinds: ['incubator'],
    category: 'operation',
    applicantType: 'carrier',
    eligibleStages: [],
  });
  const old = await makeProgramme(db, { year: YEAR - 1, budgetFen: 70 * WAN, capFen: 20 * WAN });
  programmeBudgetsOf = { [p1.id]: 100 * WAN, [p2.id]: 40 * WAN };
  applicationRows = [
    { carrier: iZ.id, program: p1.id, status: 'approved', approved: 20 * WAN, paid: 0, submittedAt: new Date('2025-05-01T02:00:00Z') },
    { carrier: iZ.id, program: p1.id, status: 'paid', approved: 10 * WAN, paid: 10 * WAN, submittedAt: new Date('2025-04-01T02:00:00Z') },
    { carrier: iJ.id, program: p1.id, status: 'paid', approved: 8 * WAN, paid: 8 * WAN, submittedAt: new Date('2025-06-01T02:00:00Z') },
    { carrier: iJ.id, program: p2.id, status: 'submitted', approved: null, paid: 0, submittedAt: new Date('2026-01-20T02:00:00Z') },
    { carrier: iZ.id, program: p2.id, status: 'in_review', approved: null, paid: 0, submittedAt: new Date('2026-03-01T02:00:00Z') },
    { carrier: iZ.id, program: p2.id, status: 'submitted', approved: null, paid: 0, submittedAt: new Date('2026-02-27T02:00:00Z') },
    { carrier: iZ.id, program: p2.id, status: 'rejected', approved: null, paid: 0, submittedAt: new Date('2025-07-01T02:00:00Z') },
    { carrier: iZ.id, program: old.id, status: 'paid', approved: 5 * WAN, paid: 5 * WAN, submittedAt: new Date('2024-07-01T02:00:00Z') },
  ];
  await db.insert(applications).values(
    applicationRows.map((a, i) => ({
      refNo: `NDT-${i}-${Date.now()}`,
      programId: a.program,
      carrierId: a.carrier,
      purpose: '测试',
      requestedFen: 30 * WAN,
      approvedFen: a.approved,
      paidFen: a.paid,
      status: a.status as 'approved',
      submittedAt: a.submittedAt,
    })),
  );
  await db.insert(annualTargets).values([
    { year: YEAR, metric: 'high_tech_enterprises', targetMin: 2, targetMax: null, unit: '个' },
    { year: YEAR, metric: 'new_incubators', targetMin: 1, targetMax: 3, unit: '家' },
    { year: YEAR, metric: 'graduations', targetMin: 5, targetMax: null, unit: '家' },
    { year: YEAR, metric: 'rd_institutions', targetMin: 560, targetMax: null, unit: '个' },
    { year: YEAR, metric: 'carriers', targetMin: 1, targetMax: 2, unit: '家' },
  ]);
});
afterAll(async () => {
  await handle?.close();
});

/** Expected figures, computed from the description of the network. */
const carrierList = () => Object.values(cs);
export type Filter = Omit<NetworkFilter, 'year'>;
export const carrierOk = (id: number, f: Filter) => {
  const c = carrierList().find((x) => x.id === id)!;
  return (!f.zone || c.zone === f.zone) && (!f.kind || c.kind === f.kind) && (!f.level || c.level === f.level);
};
export const ventureOk = (n: number, carrier: number, f: Filter) => carrierOk(carrier, f) && (!f.industry || specs[n]!.industry === f.industry);
export const expectedCarriers = (year: number, f: Filter) => {
  const mine = carrierList().filter(
    (c) => c.status === 'active' && carrierOk(c.id, f) && c.opSince <= `${year}-12-31` && (!f.industry || c.focus.includes(f.industry)),
  );
  return { n: mine.length, area: mine.reduce((s, c) => s + c.area, 0) };
};
export const residentAt = (day: string, stage: string, f: Filter) =>
  new Set(
    specs.flatMap((v, n) =>
      v.stays.filter((s) => s.stage === stage && s.entered <= day && (!s.left || s.left > day) && ventureOk(n, s.carrier, f)).map(() => n),
    ),
  ).size;
export const admitted = (year: number, f: Filter) =>
  new Set(specs.flatMap((v, n) => v.stays.filter((s) => s.entered.startsWith(`${year}-`) && ventureOk(n, s.carrier, f)).map(() => n))).size;
export const graduatedIn = (year: number, status: string, f: Filter) =>
  specs.flatMap((v, n) => (v.graduations ?? []).filter((g) => g.status === status && g.on.startsWith(`${year}-`) && ventureOk(n, g.carrier, f))).length;
export function reportYearOf(year: number, f: Filter, upTo = 4) {
  const rows = reports.filter((r) => r.year === year && r.quarter <= upTo && ventureOk(r.n, r.carrier, f));
  const last = Math.max(0, ...rows.map((r) => r.quarter));
  const lastRows = rows.filter((r) => r.quarter === last);
  const quarterEnd = `${year}-${String(last * 3).padStart(2, '0')}-${last === 1 || last === 4 ? '31' : '30'}`;
  const sum = (k: keyof ReportRow) => rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    last,
    revenueFen: sum('revenueFen'),
    rdSpendFen: sum('rdSpendFen'),
    financingFen: sum('financingFen'),
    ipFiled: sum('ipFiled'),
    ipGranted: sum('ipGranted'),
    employees: lastRows.reduce((s, r) => s + r.employees, 0),
    highTech: lastRows.filter((r) => specs[r.n]!.highTechOn && specs[r.n]!.highTechOn! <= quarterEnd).length,
  };
}

export const overview = (f: Filter = {}, year = YEAR) => networkOverview(handle.db, { year, ...f }, TODAY);
