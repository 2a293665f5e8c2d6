import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { carrierStatistics, tenantStatistics, type TenantStatisticsRow } from '@/db/queries/network/statistics';
import { tenantStatisticsView, type StatisticsViewPaging } from '@/db/queries/network/statistics-view';
import { graduations, residencies, ventureReports, ventures } from '@/db/schema';
import { buildCreditCode } from '@/lib/domain/credit-code';
import { checkCarrierFigures, checkTenantFigures, worstSeverity } from '@/lib/domain/statistics-checks';
import { flagCarriers, flaggedPage } from '@/app/(portal)/committee/statistics/flags';
import { openTestDatabase } from '../helpers/db';
import { makeCarrier } from '../helpers/fixtures';
import { makeStatisticsWorld, TODAY, WAN, YEAR, type StatisticsWorld } from '../helpers/statistics-fixtures';

/**
 * The statistics page's tenant table read in one pass (tenantStatisticsView): each page holds the
 * rows of the full table (tenantStatistics) at the same places, its totals are the full table's,
 * and its checks, made in SQL, are checkTenantFigures' on every row, in the checks list's order.
 */
let handle: DatabaseHandle;
let w: StatisticsWorld;
let carrierB: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  w = await makeStatisticsWorld(db);
  // Its tenants occupy more than its incubation area: a carrier flagged with a warning only.
  carrierB = (
    await makeCarrier(db, 'accelerator', {
      name: '视图测试加速器',
      operatingSince: '2019-01-01',
      creditCode: '91310115MA1K3Y007K',
      incubationAreaM2: 500,
      totalAreaM2: 900,
      publicServiceAreaM2: 100,
    })
  ).id;
  // Tenants of every kind the checks tell apart, at a third carrier and moving between two.
  const specs = [
    { name: '乙无成立日期', foundedOn: null },
    { name: '丙利润高于收入', profit: 50 },
    { name: '丁税高于收入', tax: 40 },
    { name: '戊生物医药', industry: 'biomedicine' as const, rd: 90 },
    { name: '己新成立', foundedOn: `${YEAR - 1}-05-01`, rd: 90 },
    { name: '庚老企业', foundedOn: `${YEAR - 3}-12-31`, rd: 90 },
    { name: '午两年企业', foundedOn: `${YEAR - 2}-01-01`, rd: 90 },
    { name: '辛团队', kind: 'team' as const, creditCode: null, foundedOn: null, rd: 90 },
    { name: '壬毕业早于入驻', graduatedEarly: true },
    { name: '癸缺季报', quarters: [1] },
    { name: '子两度入驻', twoStays: true },
    { name: '丑年中转入', moved: true },
    { name: '寅无技术领域', technicalField: null },
    { name: '卯正常企业' },
    { name: '辰无报表', quarters: [] as number[] },
  ];
  let i = 0;
  for (const s of specs) {
    const [v] = await db
      .insert(ventures)
      .values({
        kind: s.kind ?? 'company',
        name: s.name,
        creditCode: 'creditCode' in s ? s.creditCode : buildCreditCode('91', '310115', `V${String(i++).padStart(7, '0')}`),
        industry: s.industry ?? 'software',
        technicalField: 'technicalField' in s ? s.technicalField : '企业软件',
        foundedOn: 'foundedOn' in s ? s.foundedOn : '2018-01-01',
        stage: 'incubating',
      })
      .returning();
    const id = v!.id;
    if (s.twoStays) {
      await db.insert(residencies).values([
        { ventureId: id, carrierId: carrierB, stage: 'accelerating', enteredOn: `${YEAR}-01-10`, leftOn: `${YEAR}-04-01`, exitReason: 'voluntary', areaM2: 80 },
        { ventureId: id, carrierId: carrierB, stage: 'accelerating', enteredOn: `${YEAR}-08-01`, areaM2: 120 },
      ]);
    } else if (s.moved) {
      await db.insert(residencies).values([
        {
          ventureId: id,
          carrierId: w.incubator.id,
          stage: 'incubating',
          enteredOn: `${YEAR - 1}-02-01`,
          leftOn: `${YEAR}-05-01`,
          exitReason: 'voluntary',
          areaM2: 60,
        },
        { ventureId: id, carrierId: carrierB, stage: 'accelerating', enteredOn: `${YEAR}-05-01`, areaM2: 70 },
      ]);
    } else {
      await db.insert(residencies).values({ ventureId: id, carrierId: carrierB, stage: 'accelerating', enteredOn: `${YEAR - 1}-03-01`, areaM2: 100 });
    }
    if (s.graduatedEarly) {
      await db
        .insert(graduations)
        .values({ ventureId: id, carrierId: carrierB, graduatedOn: `${YEAR - 2}-01-01`, criteria: ['revenue'], evidence: '报表', status: 'verified' });
    }
    const quarters = s.quarters ?? [1, 2, 3, 4];
    if (quarters.length) {
      await db.insert(ventureReports).values(
        quarters.map((quarter) => ({
          ventureId: id,
          carrierId: s.moved && quarter === 1 ? w.incubator.id : carrierB,
          year: YEAR,
          quarter,
          revenueFen: 20 * WAN,
          rdSpendFen: (s.rd ?? 5) * WAN,
          netProfitFen: (s.profit ?? 2) * WAN,
          taxFen: (s.tax ?? 1) * WAN,
          employees: 5 + quarter,
          inventionPatents: quarter,
        })),
      );
    }
  }
});
afterAll(async () => {
  await handle?.close();
});

const filter = (carrierId?: number, today = TODAY) => ({ year: YEAR, carrierId, today });
const paging = (p: Partial<StatisticsViewPaging> = {}): StatisticsViewPaging => ({
  page: 1,
  pageSize: 4,
  flaggedPage: 1,
  flaggedPageSize: 3,
  carrierErrors: 0,
  carrierWarnings: 0,
  ...p,
});
const plain = ({ ...r }: TenantStatisticsRow & { severity?: unknown; flags?: unknown }) => {
  delete r.severity;
  delete r.flags;
  return r;
};

describe('tenantStatisticsView', () => {
  for (const today of [TODAY, `${YEAR}-07-10`]) {
    it(`pages the full table and totals it (reports due by ${today})`, async () => {
      const all = await tenantStatistics(handle.db, filter(undefined, today));
      expect(all.length).toBeGreaterThan(12);
      const pages = Math.ceil(all.length / 4);
      for (let page = 1; page <= pages; page++) {
        const view = await tenantStatisticsView(handle.db, filter(undefined, today), paging({ page }));
        expect(view.page).toBe(page);
        expect(view.total).toBe(all.length);
        expect(view.revenueFen).toBe(all.reduce((s, r) => s + r.revenueFen, 0));
        expect(view.rows.map(plain)).toEqual(all.slice((page - 1) * 4, page * 4));
        for (const r of view.rows) {
          const flags = checkTenantFigures(r, YEAR);
          expect(r.flags, r.name).toEqual(flags);
          expect(r.severity, r.name).toBe(worstSeverity(flags));
        }
      }
    });
  }

  it('flags every row as checkTenantFigures does, in the checks list’s order after the carriers', async () => {
    const all = await tenantStatistics(handle.db, filter());
    const checked = all.map((r) => ({ r, flags: checkTenantFigures(r, YEAR), severity: worstSeverity(checkTenantFigures(r, YEAR)) }));
    const errors = checked.filter((c) => c.severity === 'error');
    const warnings = checked.filter((c) => c.severity === 'warning');
    expect(errors.length).toBeGreaterThan(3);
    expect(warnings.length).toBeGreaterThan(3);
    const carrierErrors = 2;
    const carrierWarnings = 1;
    // The positions the page's list gives each flagged tenant: carriers' errors, tenants' errors, carriers' warnings, tenants' warnings.
    const expected = [
      ...errors.map((c, i) => ({ key: `${c.r.carrierId}-${c.r.ventureId}`, position: carrierErrors + i, flags: c.flags })),
      ...warnings.map((c, i) => ({ key: `${c.r.carrierId}-${c.r.ventureId}`, position: carrierErrors + errors.length + carrierWarnings + i, flags: c.flags })),
    ];
    const total = carrierErrors + carrierWarnings + errors.length + warnings.length;
    const seen = [];
    for (let flaggedPage = 1; flaggedPage <= Math.ceil(total / 3); flaggedPage++) {
      const view = await tenantStatisticsView(handle.db, filter(), paging({ flaggedPage, carrierErrors, carrierWarnings }));
      expect(view).toMatchObject({ errors: errors.length, warnings: warnings.length, flaggedPage });
      for (const f of view.flagged) {
        expect(f.position).toBeGreaterThanOrEqual((flaggedPage - 1) * 3);
        expect(f.position).toBeLessThan(flaggedPage * 3);
      }
      seen.push(...view.flagged.map((f) => ({ key: `${f.carrierId}-${f.ventureId}`, position: f.position, flags: f.flags })));
    }
    expect(seen).toEqual(expected);
  });

  it('clamps a page past the end to the last one, for the table and the checks list', async () => {
    const all = await tenantStatistics(handle.db, filter());
    const view = await tenantStatisticsView(handle.db, filter(), paging({ page: 999, flaggedPage: 999, pageSize: 5, flaggedPageSize: 50 }));
    const last = Math.ceil(all.length / 5);
    expect(view.page).toBe(last);
    expect(view.rows.map(plain)).toEqual(all.slice((last - 1) * 5));
    expect(view.flaggedPage).toBe(1);
    expect(view.flagged).toHaveLength(view.errors + view.warnings);
  });

  it('narrows to one carrier, and counts a venture that moved once at each carrier', async () => {
    for (const carrierId of [w.incubator.id, carrierB, w.nursery.id]) {
      const all = await tenantStatistics(handle.db, filter(carrierId));
      const view = await tenantStatisticsView(handle.db, filter(carrierId), paging({ pageSize: 100 }));
      expect(view.rows.map(plain)).toEqual(all);
      expect(view.total).toBe(all.length);
      expect(all.every((r) => r.carrierId === carrierId)).toBe(true);
    }
    const moved = (await tenantStatistics(handle.db, filter())).filter((r) => r.name === '丑年中转入');
    expect(moved.map((r) => [r.carrierId === carrierB, r.quartersReported, r.residentAtYearEnd])).toEqual(
      expect.arrayContaining([
        [true, 3, true],
        [false, 1, false],
      ]),
    );
    const twice = (await tenantStatistics(handle.db, filter(carrierB))).find((r) => r.name === '子两度入驻')!;
    expect(twice).toMatchObject({ areaM2: 120, enteredOn: `${YEAR}-01-10`, quartersDue: 3, residentAtYearEnd: true });
  });

  it('gives an empty page and zero totals for a year without tenants', async () => {
    const view = await tenantStatisticsView(handle.db, { year: 2001, today: TODAY }, paging({ page: 3 }));
    expect(view).toEqual({ total: 0, revenueFen: 0, errors: 0, warnings: 0, page: 1, rows: [], flaggedPage: 1, flagged: [] });
  });

  it('gives the statistics page the checks list it gave when every row was checked in the page', async () => {
    // The list as the page built it before: every row of both tables checked, errors first, each table in its order.
    const carriers = await carrierStatistics(handle.db, filter());
    const tenants = await tenantStatistics(handle.db, filter());
    const all = [
      ...carriers.map((c) => ({ key: `c${c.carrierId}`, flags: checkCarrierFigures(c) })),
      ...tenants.map((t) => ({ key: `t${t.carrierId}-${t.ventureId}`, flags: checkTenantFigures(t, YEAR) })),
    ]
      .map((r) => ({ ...r, severity: worstSeverity(r.flags) }))
      .filter((r) => r.severity !== null);
    const rank = (s: string | null) => (s === 'error' ? 0 : 1);
    const before = all
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(a.r.severity) - rank(b.r.severity) || a.i - b.i)
      .map(({ r }) => r);
    expect(before.filter((r) => r.key.startsWith('c')).map((r) => r.severity)).toEqual(['error', 'warning']);

    const flaggedCarriers = flagCarriers(carriers);
    const size = 4;
    const pages = Math.ceil(before.length / size);
    const seen = [];
    for (let page = 1; page <= pages + 1; page++) {
      const view = await tenantStatisticsView(
        handle.db,
        filter(),
        paging({
          flaggedPage: page,
          flaggedPageSize: size,
          carrierErrors: flaggedCarriers.filter((c) => c.severity === 'error').length,
          carrierWarnings: flaggedCarriers.filter((c) => c.severity === 'warning').length,
        }),
      );
      const shown = flaggedPage(flaggedCarriers, view, size);
      expect(shown.total).toBe(before.length);
      expect(shown.errors).toBe(before.filter((r) => r.severity === 'error').length);
      expect(shown.page).toBe(Math.min(page, pages));
      if (page <= pages) seen.push(...shown.rows.map((r) => ({ key: r.key, flags: r.flags, severity: r.severity })));
      else expect(shown.rows.map((r) => r.key)).toEqual(before.slice((pages - 1) * size).map((r) => r.key));
    }
    expect(seen).toEqual(before);
  });
});
