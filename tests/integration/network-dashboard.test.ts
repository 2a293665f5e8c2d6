import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { annualTargets, applications, auditLog, carriers as carrierTable, ventureReports } from '@/db/schema';
import { figuresForTargets, networkOverview, type NetworkOverview } from '@/db/queries/network/overview';
import type { NetworkFilter } from '@/db/queries/network/filter';
import { createTarget, updateTarget, targetInput, targetProgress, KNOWN_METRICS, type TargetFigures } from '@/db/queries/network/targets';
import { changePercent, dashboardTables, headlineChange, headlines, incompleteNote } from '@/lib/server/exports/dashboard-tables';
import { monthsBetween } from '@/lib/domain/dates';
import { DomainError } from '@/lib/errors';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier, makeUser } from '../helpers/fixtures';
import { insertNetwork, quarters, reportFigures, type ReportRow, type VentureSpec } from '../helpers/network-dashboard-fixtures';
import { makeProgramme, WAN } from '../helpers/subsidy-fixtures';

/** Who the mocked session says is calling, for the action and the export route. */
const session = vi.hoisted(() => ({ role: 'committee' as 'operator' | 'committee' | 'admin', id: 1 }));
let handle: DatabaseHandle;
vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ origin: 'http://portal.test', host: 'portal.test' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
  getLocale: async () => 'zh-CN',
}));
vi.mock('@/lib/server/authz', () => ({
  requireRole: async (...roles: string[]) => {
    if (!roles.includes(session.role)) throw new Error('forbidden');
    return { id: session.id, role: session.role };
  },
  scopeFor: async () => ({ kind: 'all' }),
  authorizeRequest: async (...roles: string[]) =>
    roles.includes(session.role) ? { user: { id: session.id, role: session.role } } : { response: Response.json({ error: 'forbidden' }, { status: 403 }) },
}));

const TODAY = '2026-03-10';
const YEAR = 2025;
const committeeActor = (id: number) => ({ userId: id, role: 'committee' as const, ip: null });

type C = { id: number; kind: 'nursery' | 'incubator' | 'accelerator'; zone: string; level: string; opSince: string; area: number; focus: string[]; status: string };
let cs: Record<'nZ' | 'iZ' | 'aZ' | 'iJ' | 'nJ' | 'closed', C>;
let specs: VentureSpec[];
let reports: (ReportRow & { n: number })[];
let committeeId: number;
let applicationRows: { carrier: number; program: number; status: string; approved: number | null; paid: number; submittedAt: Date | null }[];
let programmeBudgetsOf: Record<number, number>;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  committeeId = (await makeUser(db, 'committee')).id;
  session.id = committeeId;
  const make = async (kind: C['kind'], zone: string, level: 'national' | 'municipal' | 'district' | 'none', opSince: string, area: number, focus: string[], status: 'active' | 'closed' = 'active') => {
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
      kind: 'company', industry: 'biomedicine', stage: 'accelerating', highTechOn: '2025-05-10',
      stays: [
        { carrier: nZ.id, stage: 'nursery', entered: '2023-04-01', left: '2024-06-30', reason: 'incorporated' },
        { carrier: iZ.id, stage: 'incubating', entered: '2024-07-01', left: '2025-08-31', reason: 'graduated' },
        { carrier: aZ.id, stage: 'accelerating', entered: '2025-09-01' },
      ],
      graduations: [{ carrier: iZ.id, on: '2025-08-31', status: 'verified' }],
      reports: [...quarters(iZ.id, 2024, 3, 4), ...quarters(iZ.id, 2025, 1, 2), ...quarters(aZ.id, 2025, 3, 4)],
    },
    { kind: 'team', industry: 'software', stage: 'nursery', stays: [{ carrier: nZ.id, stage: 'nursery', entered: '2025-02-01' }], reports: quarters(nZ.id, 2025) },
    {
      kind: 'company', industry: 'software', stage: 'incubating', highTechOn: '2024-11-01',
      stays: [{ carrier: iZ.id, stage: 'incubating', entered: '2024-01-15' }],
      reports: [...quarters(iZ.id, 2024), ...quarters(iZ.id, 2025)],
    },
    {
      kind: 'company', industry: 'new_energy', stage: 'incubating',
      stays: [{ carrier: iJ.id, stage: 'incubating', entered: '2025-04-01' }],
      graduations: [{ carrier: iJ.id, on: '2025-12-01', status: 'pending' }],
      reports: quarters(iJ.id, 2025, 2, 4),
    },
    {
      kind: 'company', industry: 'biomedicine', stage: 'graduated', highTechOn: '2023-06-01',
      stays: [{ carrier: iZ.id, stage: 'incubating', entered: '2021-03-01', left: '2024-10-31', reason: 'graduated' }],
      graduations: [{ carrier: iZ.id, on: '2024-10-31', status: 'verified' }],
      reports: quarters(iZ.id, 2024, 1, 3),
    },
    { kind: 'team', industry: 'ai', stage: 'exited', stays: [{ carrier: nZ.id, stage: 'nursery', entered: '2024-03-01', left: '2024-12-31', reason: 'failed' }], reports: quarters(nZ.id, 2024, 1, 3) },
    {
      kind: 'company', industry: 'new_energy', stage: 'incubating',
      stays: [
        { carrier: iJ.id, stage: 'incubating', entered: '2025-06-01', left: '2025-11-30', reason: 'moved' },
        { carrier: iZ.id, stage: 'incubating', entered: '2025-12-01' },
      ],
      reports: [...quarters(iJ.id, 2025, 2, 3), ...quarters(iZ.id, 2025, 4, 4)],
    },
    {
      kind: 'company', industry: 'software', stage: 'incubating',
      stays: [
        { carrier: nZ.id, stage: 'nursery', entered: '2024-05-01', left: '2025-01-31', reason: 'incorporated' },
        { carrier: iZ.id, stage: 'incubating', entered: '2025-02-01' },
      ],
      reports: [...quarters(nZ.id, 2024, 2, 4), ...quarters(iZ.id, 2025)],
    },
    {
      kind: 'company', industry: 'biomedicine', stage: 'accelerating', highTechOn: '2022-01-01',
      stays: [{ carrier: aZ.id, stage: 'accelerating', entered: '2024-02-01' }],
      reports: [...quarters(aZ.id, 2024), ...quarters(aZ.id, 2025)],
    },
    {
      kind: 'company', industry: 'software', stage: 'graduated',
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
  const p2 = await makeProgramme(db, { year: YEAR, budgetFen: 40 * WAN, capFen: 20 * WAN, eligibleKinds: ['incubator'], category: 'operation', applicantType: 'carrier', eligibleStages: [] });
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

// ---- Expected figures, computed from the description of the network ----

const carrierList = () => Object.values(cs);
type Filter = Omit<NetworkFilter, 'year'>;
const carrierOk = (id: number, f: Filter) => {
  const c = carrierList().find((x) => x.id === id)!;
  return (!f.zone || c.zone === f.zone) && (!f.kind || c.kind === f.kind) && (!f.level || c.level === f.level);
};
const ventureOk = (n: number, carrier: number, f: Filter) => carrierOk(carrier, f) && (!f.industry || specs[n]!.industry === f.industry);
const expectedCarriers = (year: number, f: Filter) => {
  const mine = carrierList().filter((c) => c.status === 'active' && carrierOk(c.id, f) && c.opSince <= `${year}-12-31` && (!f.industry || c.focus.includes(f.industry)));
  return { n: mine.length, area: mine.reduce((s, c) => s + c.area, 0) };
};
const residentAt = (day: string, stage: string, f: Filter) =>
  new Set(specs.flatMap((v, n) => v.stays.filter((s) => s.stage === stage && s.entered <= day && (!s.left || s.left > day) && ventureOk(n, s.carrier, f)).map(() => n))).size;
const admitted = (year: number, f: Filter) =>
  new Set(specs.flatMap((v, n) => v.stays.filter((s) => s.entered.startsWith(`${year}-`) && ventureOk(n, s.carrier, f)).map(() => n))).size;
const graduatedIn = (year: number, status: string, f: Filter) =>
  specs.flatMap((v, n) => (v.graduations ?? []).filter((g) => g.status === status && g.on.startsWith(`${year}-`) && ventureOk(n, g.carrier, f))).length;
function reportYearOf(year: number, f: Filter, upTo = 4) {
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

const overview = (f: Filter = {}, year = YEAR) => networkOverview(handle.db, { year, ...f }, TODAY);

function checkHeadline(o: NetworkOverview, f: Filter, year = YEAR) {
  const cur = expectedCarriers(year, f);
  const prev = expectedCarriers(year - 1, f);
  expect(o.carriers).toEqual({ current: cur.n, previous: prev.n });
  expect(o.incubationAreaM2).toEqual({ current: cur.area, previous: prev.area });
  const cut = `${year}-12-31` < TODAY ? `${year}-12-31` : TODAY;
  for (const stage of ['nursery', 'incubating', 'accelerating'] as const) {
    expect(o.stages[stage], stage).toEqual({ current: residentAt(cut, stage, f), previous: residentAt(`${year - 1}-12-31`, stage, f) });
  }
  expect(o.admissions).toEqual({ current: admitted(year, f), previous: admitted(year - 1, f) });
  expect(o.graduations).toEqual({ current: graduatedIn(year, 'verified', f), previous: graduatedIn(year - 1, 'verified', f) });
  expect(o.pendingGraduations).toBe(graduatedIn(year, 'pending', f));
  const r = reportYearOf(year, f);
  const p = reportYearOf(year - 1, f, r.last || 4);
  const { last: lastQuarter, ...figures } = r;
  expect(o.reports.current).toMatchObject({ ...figures, lastQuarter: lastQuarter || null });
  const { last: _ignored, ...prevFigures } = p;
  expect(o.reports.previous).toMatchObject(prevFigures);
}

describe('network dashboard figures', () => {
  it('computes every headline figure and its previous year from the rows inserted', async () => {
    const o = await overview();
    checkHeadline(o, {});
    // Spot checks that the network is not trivially empty.
    expect(o.carriers.current).toBe(4);
    expect(o.carriers.previous).toBe(3);
    expect(o.graduations.current).toBe(2);
    expect(o.reports.current.highTech).toBeGreaterThan(0);
  });

  it('narrows every figure by zone, by kind, by level and by industry', async () => {
    for (const f of [{ zone: '金桥' }, { kind: 'incubator' as const }, { zone: '张江', kind: 'nursery' as const }, { level: 'national' as const }, { industry: 'biomedicine' as const }]) {
      checkHeadline(await overview(f), f);
    }
  });

  it('reads the current year up to today, like for like against the same quarters of last year', async () => {
    checkHeadline(await overview({}, 2026), {}, 2026);
  });

  it('gives no change against a previous year with reports for fewer quarters, and says so on the page and in the export', async () => {
    const db = handle.db;
    // One venture reported for 2023's last quarter only; 2024 has all four.
    const [source] = await db.select().from(ventureReports).where(and(eq(ventureReports.year, 2024), eq(ventureReports.quarter, 4))).limit(1);
    const [added] = await db.insert(ventureReports).values({ ventureId: source!.ventureId, carrierId: source!.carrierId, year: 2023, quarter: 4, revenueFen: 100 }).returning();
    try {
      const o = await overview({}, 2024);
      expect(o.reports.current.quarters).toEqual([1, 2, 3, 4]);
      expect(o.reports.previous.quarters).toEqual([4]);
      expect(o.reports.comparable).toBe(false);
      const t = (key: string, v?: Record<string, string | number>) => (v ? `${key}${JSON.stringify(v)}` : key);
      const note = incompleteNote(o, t);
      expect(note).toBe(`incompletePrevious${JSON.stringify({ year: 2023, quarters: 'quarterName{"quarter":4}' })}`);
      const byKey = Object.fromEntries(headlines(o).map((h) => [h.key, h]));
      expect(headlineChange(byKey.revenue!)).toBeNull();
      expect(byKey.revenue!.comparable).toBe(false);
      // Figures from the stays compare whole years and keep their change.
      expect(byKey.admissions!.comparable).toBe(true);
      const id = (k: string) => k;
      const tables = dashboardTables(o, { t, kinds: id, stages: id, industries: id, status: id, metrics: id, locale: 'zh-CN' });
      const revenueRow = tables.headline.rows.find((r) => r[0]!.v === 'figures.revenue')!;
      expect(revenueRow.slice(4).map((c) => c.v)).toEqual([null, note]);
      expect(tables.headline.rows.find((r) => r[0]!.v === 'figures.admissions')![5]!.v).toBe('');
      expect(tables.industries.rows.every((r) => r[3]!.v === null && r[4]!.v === note)).toBe(true);
      // The growth targets have no figure without a comparable year.
      expect(figuresForTargets(o).biomedicine_output_growth_pct).toBeNull();
      // Like for like (2025 against a whole 2024) the change is given, with no note.
      const whole = await overview({}, 2025);
      expect(whole.reports.comparable).toBe(true);
      expect(incompleteNote(whole, t)).toBeNull();
      expect(headlineChange(headlines(whole).find((h) => h.key === 'revenue')!)).toBe(changePercent({ current: whole.reports.current.revenueFen, previous: whole.reports.previous.revenueFen }));
    } finally {
      await db.delete(ventureReports).where(eq(ventureReports.id, added!.id));
    }
  });

  it('shows the targets with progress from the figures, and an unknown metric without', async () => {
    const o = await overview();
    const byMetric = Object.fromEntries(o.targets.map((t) => [t.metric, t]));
    const highTech = reportYearOf(YEAR, {}).highTech;
    expect(byMetric.high_tech_enterprises).toMatchObject({ value: highTech, percent: Math.round((highTech * 1000) / 2) / 10, status: highTech >= 2 ? 'met' : 'below' });
    // One incubator (金桥) started operating in the year.
    expect(byMetric.new_incubators).toMatchObject({ value: 1, status: 'met', percent: 100 });
    const grads = graduatedIn(YEAR, 'verified', {});
    expect(byMetric.graduations).toMatchObject({ value: grads, status: 'below', percent: Math.round((grads * 1000) / 5) / 10 });
    expect(byMetric.carriers).toMatchObject({ value: expectedCarriers(YEAR, {}).n, status: 'above' });
    expect(byMetric.rd_institutions).toMatchObject({ known: false, value: null, percent: null, status: 'unknown' });
  });

  it('reads a target in per cent as the figure against the target, on the page and in the export, not as a share of it', async () => {
    const base = { id: 1, year: YEAR, targetMax: null, note: null, version: 1, createdAt: new Date(), updatedAt: new Date() };
    const figures = { ...(Object.fromEntries(KNOWN_METRICS.map((m) => [m, null])) as TargetFigures), biomedicine_output_growth_pct: 19.3, rd_spend_wan: 19.3, budget_execution_pct: 2 };
    const [growth, spend, execution] = targetProgress(
      [
        { ...base, metric: 'biomedicine_output_growth_pct', targetMin: 5, unit: '%' },
        { ...base, id: 2, metric: 'rd_spend_wan', targetMin: 5, unit: '万元' },
        { ...base, id: 3, metric: 'budget_execution_pct', targetMin: 90, unit: '%' },
      ],
      figures,
    );
    expect(growth).toMatchObject({ rate: true, value: 19.3, percent: null, status: 'met' });
    expect(execution).toMatchObject({ rate: true, value: 2, percent: null, status: 'below' });
    expect(spend).toMatchObject({ rate: false, value: 19.3, percent: 386, status: 'met' });
    const o = await overview();
    const id = (k: string) => k;
    const spec = dashboardTables({ ...o, targets: [growth!, spend!] }, { t: id, kinds: id, stages: id, industries: id, status: id, metrics: id, locale: 'zh-CN' }).targets;
    // The actual in the target's unit, and no progress figure for the rate.
    expect(spec.rows[0]!.slice(1, 5).map((c) => c.v)).toEqual(['≥ 5', '%', 19.3, null]);
    expect(spec.rows[1]![4]!.v).toBe(386);
  });

  it('sums budget execution per programme and in total, and narrows approvals by the filter', async () => {
    for (const f of [{}, { zone: '金桥' }] as Filter[]) {
      const o = await overview(f);
      const mine = applicationRows.filter((a) => a.program in programmeBudgetsOf && carrierOk(a.carrier, f));
      const awarded = mine.filter((a) => ['approved', 'paid', 'accepted'].includes(a.status));
      const budget = Object.values(programmeBudgetsOf).reduce((s, b) => s + b, 0);
      const paid = mine.reduce((s, a) => s + a.paid, 0);
      expect(o.budget.programmes).toHaveLength(2);
      expect(o.budget.total).toMatchObject({
        budgetFen: budget,
        committedFen: awarded.reduce((s, a) => s + (a.approved ?? 0), 0),
        paidFen: paid,
        executionRate: Math.round((paid * 1000) / budget) / 10,
        awards: awarded.length,
      });
      const queue = Object.fromEntries(o.queue.map((q) => [q.status, q]));
      const submitted = mine.filter((a) => a.status === 'submitted');
      expect(queue.submitted!.waiting).toBe(submitted.length);
      const ages = submitted.map((a) => Math.round((Date.parse(TODAY) - Date.parse(a.submittedAt!.toISOString().slice(0, 10))) / 86_400_000));
      expect(queue.submitted!.oldestDays).toBe(ages.length ? Math.max(...ages) : null);
      expect(queue.submitted!.over30Days).toBe(ages.filter((d) => d > 30).length);
      expect(queue.in_review!.waiting).toBe(mine.filter((a) => a.status === 'in_review').length);
    }
  });

  it('builds the pipeline funnel by admission cohort with conversion rates and the median months to graduation', async () => {
    for (const f of [{}, { kind: 'nursery' as const }] as Filter[]) {
      const o = await overview(f);
      for (const row of o.funnel) {
        const cohort = specs
          .map((v, n) => ({ v, n, first: [...v.stays].sort((a, b) => a.entered.localeCompare(b.entered))[0]! }))
          .filter(({ n, first }) => first.entered.startsWith(`${row.cohort}-`) && ventureOk(n, first.carrier, f));
        const grads = cohort.filter(({ v }) => v.graduations?.some((g) => g.status === 'verified'));
        const months = grads
          .map(({ v, first }) => monthsBetween(first.entered, v.graduations!.filter((g) => g.status === 'verified').map((g) => g.on).sort()[0]!))
          .sort((a, b) => a - b);
        const median = months.length === 0 ? null : months.length % 2 ? months[(months.length - 1) / 2]! : (months[months.length / 2 - 1]! + months[months.length / 2]!) / 2;
        const nursery = cohort.filter(({ first }) => first.stage === 'nursery');
        expect(row, String(row.cohort)).toMatchObject({
          admitted: cohort.length,
          nurseryTeams: nursery.length,
          incorporated: nursery.filter(({ v }) => v.kind === 'company').length,
          graduated: grads.length,
          accelerating: grads.filter(({ v }) => v.stays.some((s) => s.stage === 'accelerating')).length,
          medianMonthsToGraduation: median,
        });
      }
      expect(o.funnel.map((r) => r.cohort)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    }
    const all = await overview();
    const c2023 = all.funnel.find((r) => r.cohort === 2023)!;
    expect(c2023).toMatchObject({ admitted: 1, nurseryTeams: 1, incorporated: 1, graduated: 1, accelerating: 1, incorporationRate: 100, graduationRate: 100, accelerationRate: 100 });
  });
});

describe('annual targets', () => {
  it('refuses a stale version with a conflict and writes an audit entry on success', async () => {
    const db = handle.db;
    const input = targetInput.parse({ year: '2027', metric: 'graduations', targetMin: '10', targetMax: '', unit: '家', note: '' });
    const { targetId } = await createTarget(db, committeeActor(committeeId), input);
    const { version } = await updateTarget(db, committeeActor(committeeId), { ...input, targetMin: 12, targetId, version: 1 });
    expect(version).toBe(2);
    const stale = await updateTarget(db, committeeActor(committeeId), { ...input, targetMin: 15, targetId, version: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).code).toBe('conflict');
    const [row] = await db.select().from(annualTargets).where(eq(annualTargets.id, targetId));
    expect(row).toMatchObject({ targetMin: 12, version: 2 });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'annual_target'), eq(auditLog.entityId, String(targetId))));
    expect(entries.map((e) => e.action).sort()).toEqual(['target.create', 'target.update']);
    const update = entries.find((e) => e.action === 'target.update')!;
    expect(update).toMatchObject({ userId: committeeId, before: { targetMin: 10 }, after: { targetMin: 12 } });
  });

  it('refuses bad input field by field, and a second target for the same year and metric', async () => {
    const bad = targetInput.safeParse({ year: '1990', metric: 'Bad Metric', targetMin: 'x', targetMax: '', unit: '' });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(['year', 'metric', 'targetMin', 'unit']));
    const range = targetInput.safeParse({ year: '2027', metric: 'graduations', targetMin: '10', targetMax: '5', unit: '家' });
    expect(range.error!.issues[0]).toMatchObject({ path: ['targetMax'], message: 'networkTargets.errors.maxBelowMin' });
    const dup = await createTarget(handle.db, committeeActor(committeeId), targetInput.parse({ year: YEAR, metric: 'graduations', targetMin: 1, unit: '家' })).catch((e: unknown) => e);
    expect((dup as DomainError).code).toBe('invalid');
  });

  it('refuses an operator: the save action and the dashboard export', async () => {
    const { saveTargetAction } = await import('@/app/(portal)/committee/targets/actions');
    const { GET } = await import('@/app/api/committee/export/dashboard/route');
    session.role = 'operator';
    try {
      await expect(saveTargetAction({ year: '2028', metric: 'graduations', targetMin: '3', unit: '家' })).rejects.toThrow('forbidden');
      const res = await GET(new Request(`http://localhost/api/committee/export/dashboard?table=headline&year=${YEAR}`));
      expect(res.status).toBe(403);
      expect(await handle.db.select().from(annualTargets).where(eq(annualTargets.year, 2028))).toEqual([]);
    } finally {
      session.role = 'committee';
    }
    const ok = await saveTargetAction({ year: '2028', metric: 'graduations', targetMin: '3', unit: '家' });
    expect(ok.ok).toBe(true);
    const res = await GET(new Request(`http://localhost/api/committee/export/dashboard?table=funnel&year=${YEAR}&zone=${encodeURIComponent('张江')}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('leaves carriers that are closed out of every figure', async () => {
    const [closed] = await handle.db.select().from(carrierTable).where(eq(carrierTable.id, cs.closed.id));
    expect(closed!.status).toBe('closed');
    const o = await overview({ zone: '金桥' });
    expect(o.carriersByKind.find((k) => k.kind === 'incubator')!.carriers.current).toBe(1);
  });
});
