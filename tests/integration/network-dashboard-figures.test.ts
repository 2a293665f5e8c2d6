import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { carriers as carrierTable, ventureReports } from '@/db/schema';
import { figuresForTargets, type NetworkOverview } from '@/db/queries/network/overview';
import { changePercent, dashboardTables, headlineChange, headlines, incompleteNote } from '@/lib/server/exports/dashboard-tables';
import { monthsBetween } from '@/lib/domain/dates';
import {
  admitted,
  applicationRows,
  carrierOk,
  cs,
  expectedCarriers,
  graduatedIn,
  handle,
  overview,
  programmeBudgetsOf,
  reportYearOf,
  residentAt,
  specs,
  TODAY,
  ventureOk,
  YEAR,
  type Filter,
} from '../helpers/network-dashboard-setup';

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
    for (const f of [
      { zone: '金桥' },
      { kind: 'incubator' as const },
      { zone: '张江', kind: 'nursery' as const },
      { level: 'national' as const },
      { industry: 'biomedicine' as const },
    ]) {
      checkHeadline(await overview(f), f);
    }
  });

  it('reads the current year up to today, like for like against the same quarters of last year', async () => {
    checkHeadline(await overview({}, 2026), {}, 2026);
  });

  it('gives no change against a previous year with reports for fewer quarters, and says so on the page and in the export', async () => {
    const db = handle.db;
    // One venture reported for 2023's last quarter only; 2024 has all four.
    const [source] = await db
      .select()
      .from(ventureReports)
      .where(and(eq(ventureReports.year, 2024), eq(ventureReports.quarter, 4)))
      .limit(1);
    const [added] = await db
      .insert(ventureReports)
      .values({ ventureId: source!.ventureId, carrierId: source!.carrierId, year: 2023, quarter: 4, revenueFen: 100 })
      .returning();
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
      expect(headlineChange(headlines(whole).find((h) => h.key === 'revenue')!)).toBe(
        changePercent({ current: whole.reports.current.revenueFen, previous: whole.reports.previous.revenueFen }),
      );
    } finally {
      await db.delete(ventureReports).where(eq(ventureReports.id, added!.id));
    }
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
          .map(({ v, first }) =>
            monthsBetween(
              first.entered,
              v
                .graduations!.filter((g) => g.status === 'verified')
                .map((g) => g.on)
                .sort()[0]!,
            ),
          )
          .sort((a, b) => a - b);
        const median =
          months.length === 0 ? null : months.length % 2 ? months[(months.length - 1) / 2]! : (months[months.length / 2 - 1]! + months[months.length / 2]!) / 2;
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
    expect(c2023).toMatchObject({
      admitted: 1,
      nurseryTeams: 1,
      incorporated: 1,
      graduated: 1,
      accelerating: 1,
      incorporationRate: 100,
      graduationRate: 100,
      accelerationRate: 100,
    });
  });

  it('leaves carriers that are closed out of every figure', async () => {
    const [closed] = await handle.db.select().from(carrierTable).where(eq(carrierTable.id, cs.closed.id));
    expect(closed!.status).toBe('closed');
    const o = await overview({ zone: '金桥' });
    expect(o.carriersByKind.find((k) => k.kind === 'incubator')!.carriers.current).toBe(1);
  });
});
