import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { updateAccreditation } from '@/db/queries/network/carrier-detail';
import { carrierApplicationTotals, carrierTenants, carrierYearFigures } from '@/db/queries/network/carrier-detail';
import { nationalChecksOf } from '@/db/queries/network/carrier-national';
import { listNetworkCarriers, networkCarrierFigures } from '@/db/queries/network/carriers';
import { auditLog, carriers } from '@/db/schema';
import type { Actor } from '@/db/audit';
import { quarterEnd, quarterStart } from '@/lib/domain/reporting';
import { incubationLimitStatus } from '@/lib/domain/tenancy';
import { DomainError } from '@/lib/errors';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier, makeUser } from '../helpers/fixtures';
import { makeGraduate, makeStay, type StaySpec } from '../helpers/committee-network-fixtures';

const TODAY = '2026-11-26';
const Q = { year: 2026, quarter: 3 }; // the last closed quarter on TODAY
const WAN = 1_000_000;
let handle: DatabaseHandle;
let committee: Actor;
let operator: Actor;
let incubatorId: number;
let nurseryId: number;

const incubatorStays: StaySpec[] = [
  {
    name: '甲企业',
    enteredOn: '2025-02-01',
    areaM2: 300,
    ruleWarnings: ['founded_over_24_months'],
    financings: [['2025-05-01', 600 * WAN]],
    reports: [[2026, 3, true, 2, 1]],
  },
  { name: '乙企业', enteredOn: '2025-09-01', areaM2: 200, industry: 'biomedicine', reports: [[2025, 4, false]] },
  { name: '丙企业', enteredOn: '2020-01-01', areaM2: 500, financings: [['2027-01-01', 100 * WAN]], reports: [[2026, 3, false, 1, 0]] },
  { name: '丁企业（季度内迁出）', enteredOn: '2024-01-01', leftOn: '2026-08-15', areaM2: 150 },
  { name: '戊企业（季度前迁出）', enteredOn: '2024-01-01', leftOn: '2026-05-01', areaM2: 150 },
];
const nurseryStays: StaySpec[] = [{ name: '己团队', kind: 'team', enteredOn: '2026-01-10', areaM2: 40, reports: [[2026, 3, false]] }];

/** The figures computed here from the specs, independently of the SQL. */
function expected(stays: StaySpec[], incubationAreaM2: number, verified: number) {
  const open = stays.filter((s) => !s.leftOn);
  const occupied = open.reduce((sum, s) => sum + (s.areaM2 ?? 0), 0);
  const financed = open.filter((s) => (s.financings ?? []).some(([d]) => d <= TODAY)).length;
  const resident = stays.filter((s) => s.enteredOn <= quarterEnd(Q.year, Q.quarter) && (!s.leftOn || s.leftOn >= quarterStart(Q.year, Q.quarter)));
  const reportOf = (s: StaySpec) => (s.reports ?? []).find(([y, q]) => y === Q.year && q === Q.quarter);
  const filed = resident.filter(reportOf);
  const overdue = open.filter(
    (s) =>
      (s.stage ?? 'incubating') === 'incubating' &&
      (s.kind ?? 'company') === 'company' &&
      incubationLimitStatus({ industry: s.industry ?? 'software', incubationStartedOn: s.enteredOn, today: TODAY }).status === 'overdue',
  ).length;
  const admission = open.filter((s) => (s.ruleWarnings ?? []).length > 0).length;
  const pct = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : null);
  return {
    tenants: open.length,
    occupiedAreaM2: occupied,
    occupancy: pct(occupied, incubationAreaM2),
    financedTenants: financed,
    financingRate: pct(financed, open.length),
    graduates: verified,
    expectedReports: resident.length,
    filedReports: filed.length,
    lateReports: filed.filter((s) => reportOf(s)![2]).length,
    timeliness: pct(filed.length, resident.length),
    admissionWarnings: admission,
    overdue,
    missingReports: resident.length - filed.length,
    warnings: admission + overdue + resident.length - filed.length,
  };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const c = await makeUser(db, 'committee');
  const o = await makeUser(db, 'operator');
  committee = { userId: c.id, role: 'committee', ip: null };
  operator = { userId: o.id, role: 'operator', ip: null };
  const inc = await makeCarrier(db, 'incubator', {
    name: '张江测试孵化器',
    zone: '张江',
    operatingSince: '2021-03-01',
    seedFundFen: 600 * WAN,
    professionalStaff: 4,
    totalStaff: 5,
    mentors: 1,
  });
  const nur = await makeCarrier(db, 'nursery', { name: '陆家嘴测试苗圃', zone: '陆家嘴', incubationAreaM2: 0, publicServiceAreaM2: 0, totalAreaM2: 500 });
  incubatorId = inc.id;
  nurseryId = nur.id;
  for (const s of incubatorStays) await makeStay(db, incubatorId, s);
  for (const s of nurseryStays) await makeStay(db, nurseryId, s);
  await makeGraduate(db, incubatorId, { name: '毕业一', graduatedOn: '2025-06-30', status: 'verified' });
  await makeGraduate(db, incubatorId, { name: '毕业二', graduatedOn: '2025-04-30', status: 'pending' });
  await makeGraduate(db, incubatorId, { name: '毕业三', graduatedOn: '2024-04-30', status: 'verified' });
});

afterAll(async () => handle?.close());

describe('the network carrier list', () => {
  it('gives each carrier the figures computed from its rows', async () => {
    const { rows, total, quarter } = await listNetworkCarriers(handle.db, TODAY, { page: 1, pageSize: 25 });
    expect(quarter).toEqual(Q);
    expect(total).toBe(2);
    const inc = rows.find((r) => r.id === incubatorId)!;
    expect(inc).toMatchObject({ ...expected(incubatorStays, 8_000, 2), pendingGraduations: 1 });
    const nur = rows.find((r) => r.id === nurseryId)!;
    expect(nur).toMatchObject(expected(nurseryStays, 0, 0));
    expect(nur.occupancy).toBeNull();
    // The carrier page reads the same figures.
    expect(await networkCarrierFigures(handle.db, TODAY, incubatorId)).toMatchObject(expected(incubatorStays, 8_000, 2));
  });

  it('filters by search, kind, zone, level, status and warnings', async () => {
    const ids = async (f: Parameters<typeof listNetworkCarriers>[2]) => (await listNetworkCarriers(handle.db, TODAY, f)).rows.map((r) => r.id);
    const page = { page: 1, pageSize: 25 };
    expect(await ids({ ...page, q: '苗圃' })).toEqual([nurseryId]);
    expect(await ids({ ...page, q: '%' })).toEqual([]);
    expect(await ids({ ...page, kind: 'incubator' })).toEqual([incubatorId]);
    expect(await ids({ ...page, zone: '陆家嘴' })).toEqual([nurseryId]);
    expect(await ids({ ...page, level: 'national' })).toEqual([]);
    expect(await ids({ ...page, status: 'suspended' })).toEqual([]);
    expect(await ids({ ...page, warnings: true })).toEqual([incubatorId]);
  });

  it('sorts on the figures, empty values last, and pages on the server', async () => {
    const list = async (sort: 'occupancy' | 'tenants' | 'warnings', dir: 'asc' | 'desc', page = 1, pageSize = 25) =>
      (await listNetworkCarriers(handle.db, TODAY, { sort, dir, page, pageSize })).rows.map((r) => r.id);
    expect(await list('occupancy', 'asc')).toEqual([incubatorId, nurseryId]);
    expect(await list('occupancy', 'desc')).toEqual([incubatorId, nurseryId]);
    expect(await list('tenants', 'asc')).toEqual([nurseryId, incubatorId]);
    expect(await list('warnings', 'desc', 2, 5)).toEqual([]);
    const second = await listNetworkCarriers(handle.db, TODAY, { sort: 'warnings', dir: 'desc', page: 2, pageSize: 1 });
    expect(second.rows.map((r) => r.id)).toEqual([nurseryId]);
    expect(second.total).toBe(2);
  });
});

describe('the carrier page', () => {
  it('lists the current tenants, the figures per year and the applications', async () => {
    const tenants = await carrierTenants(handle.db, incubatorId, TODAY, { page: 1, pageSize: 2 });
    expect(tenants.total).toBe(3);
    expect(tenants.rows).toHaveLength(2);
    const years = await carrierYearFigures(handle.db, incubatorId, TODAY);
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const y2025 = years.find((y) => y.year === 2025)!;
    // Resident in 2025: 甲, 乙, 丙, 丁, 戊 and the two graduates of 2025 (毕业三 left in 2024).
    expect(y2025).toMatchObject({ tenants: 7, admissions: 2, graduates: 1, revenueFen: 1_000_000 });
    expect(years.find((y) => y.year === 2026)).toMatchObject({ graduates: 0, revenueFen: 2_000_000 });
    expect(await carrierApplicationTotals(handle.db, incubatorId)).toEqual({ applications: 0, approved: 0, requestedFen: 0, approvedFen: 0, paidFen: 0 });
  });

  it('checks the incubator against the national-level criteria from its data', async () => {
    const checks = await nationalChecksOf(
      handle.db,
      [
        { id: incubatorId, kind: 'incubator' },
        { id: nurseryId, kind: 'nursery' },
      ],
      TODAY,
    );
    expect(checks.has(nurseryId)).toBe(false);
    const { facts, check } = checks.get(incubatorId)!;
    expect(facts).toMatchObject({
      tenants: 3,
      occupiedAreaM2: 1_000,
      financedTenants: 1,
      patentFiledTenants: 2,
      validIpTenants: 1,
      topIndustryTenants: 2,
      graduates: 2,
      seedFundFen: 600 * WAN,
      operatingSince: '2021-03-01',
    });
    expect([...facts.statisticsYears].sort()).toEqual([2025, 2026]);
    const by = Object.fromEntries(check.criteria.map((c) => [c.criterion, c]));
    expect(by.operatingYears).toMatchObject({ value: 5, pass: true });
    expect(by.statisticsYears).toMatchObject({ value: 2, pass: true });
    expect(by.seedFund?.pass).toBe(true);
    expect(by.tenants).toMatchObject({ value: 3, pass: false, gap: 47 });
    expect(by.graduates).toMatchObject({ value: 2, threshold: 20, gap: 18 });
    // (1,000 occupied + 1,000 public service) of 10,000 m².
    expect(by.usage).toMatchObject({ value: 0.2, pass: false, gap: 0.55 });
    expect(by.professionalShare).toMatchObject({ value: 0.8, pass: true });
    expect(check.eligible).toBe(false);
  });
});

describe('accreditation', () => {
  it('is changed by committee staff with an audit entry of what changed', async () => {
    const [before] = await handle.db.select().from(carriers).where(eq(carriers.id, incubatorId));
    const r = await updateAccreditation(handle.db, committee, {
      carrierId: incubatorId,
      version: before!.version,
      kind: 'incubator',
      level: 'national',
      status: 'active',
    });
    expect(r).toEqual({ version: before!.version + 1, changed: ['level'] });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'carrier.updateAccreditation'), eq(auditLog.entityId, String(incubatorId))));
    expect(entry).toMatchObject({ userId: committee.userId, role: 'committee', carrierId: incubatorId });
    expect(entry!.before).toEqual({ level: 'none', version: before!.version });
    expect(entry!.after).toEqual({ level: 'national', version: before!.version + 1 });
    expect((await listNetworkCarriers(handle.db, TODAY, { level: 'national', page: 1, pageSize: 25 })).rows.map((x) => x.id)).toEqual([incubatorId]);
  });

  it('refuses a stale version and an operator', async () => {
    const stale = await updateAccreditation(handle.db, committee, {
      carrierId: incubatorId,
      version: 1,
      kind: 'incubator',
      level: 'municipal',
      status: 'active',
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).code).toBe('conflict');
    const [now] = await handle.db.select().from(carriers).where(eq(carriers.id, incubatorId));
    const byOperator = await updateAccreditation(handle.db, operator, {
      carrierId: incubatorId,
      version: now!.version,
      kind: 'incubator',
      level: 'none',
      status: 'active',
    }).catch((e) => e);
    expect((byOperator as DomainError).code).toBe('notFound');
    const [after] = await handle.db.select().from(carriers).where(eq(carriers.id, incubatorId));
    expect(after).toMatchObject({ level: 'national', version: now!.version });
  });
});
