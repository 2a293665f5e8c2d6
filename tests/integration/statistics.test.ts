import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { carrierStatistics, tenantStatistics } from '@/db/queries/network/statistics';
import { summaryYears, yearSummary } from '@/db/queries/network/statistics-summary';
import { annualTargets, residencies, ventures } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { checkCarrierFigures, checkTenantFigures } from '@/lib/domain/statistics-checks';
import { MESSAGE_FILES } from '@/lib/i18n/files';
import { openTestDatabase } from '../helpers/db';
import { makeStatisticsWorld, TODAY, WAN, YEAR, type StatisticsWorld } from '../helpers/statistics-fixtures';

/**
 * The annual statistics: both tables against sums taken here from the rows the test inserted,
 * the logic checks on the bad rows, the year summary, and the .xlsx export read back.
 */
const session = vi.hoisted(() => ({ role: null as null | 'operator' | 'committee' | 'admin' }));
let handle: DatabaseHandle;

vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('@/lib/server/authz', () => ({
  authorizeRequest: async (...roles: string[]) => {
    if (!session.role) return { response: Response.json({ error: 'unauthenticated' }, { status: 401 }) };
    if (!roles.includes(session.role)) return { response: Response.json({ error: 'forbidden' }, { status: 403 }) };
    return { user: { id: 1, role: session.role } };
  },
}));
vi.mock('next-intl/server', async () => {
  const messages = Object.assign({}, ...(await Promise.all(MESSAGE_FILES.map((f) => import(`@/messages/zh-CN/${f}.json`)))).map((m) => m.default));
  return { getTranslations: async ({ namespace }: { namespace: string }) => createTranslator({ locale: 'zh-CN', messages, namespace: namespace as never }) };
});

let w: StatisticsWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  w = await makeStatisticsWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

const filter = (carrierId?: number) => ({ year: YEAR, carrierId, today: TODAY });
const sum = (rows: typeof w.reports, pick: (r: (typeof w.reports)[number]) => number | undefined) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);

describe('carrierStatistics', () => {
  it('counts tenants, graduates and the tenants’ reported figures of the year per carrier', async () => {
    const rows = await carrierStatistics(handle.db, filter());
    const inc = rows.find((r) => r.carrierId === w.incubator.id)!;
    const ofYear = w.reports.filter((r) => r.carrierId === w.incubator.id && r.year === YEAR);
    expect(inc.tenantsInYear).toBe(2); // the steady tenant and the graduate; the one that left in 2024 is out
    expect(inc.tenantsAtYearEnd).toBe(1);
    expect(inc.newTenants).toBe(1);
    expect(inc.occupiedAreaM2).toBe(300);
    expect(inc.graduatesInYear).toBe(1); // the pending one does not count
    expect(inc.graduatesTotal).toBe(1);
    expect(inc.reportingTenants).toBe(2);
    expect(inc.revenueFen).toBe(sum(ofYear, (r) => r.revenueFen));
    expect(inc.rdSpendFen).toBe(sum(ofYear, (r) => r.rdSpendFen));
    expect(inc.taxFen).toBe(sum(ofYear, (r) => r.taxFen));
    expect(inc.financingFen).toBe(900 * WAN);
    // Employees: each tenant's last quarter of the year (steady Q4: 14, graduate Q3: 13).
    expect(inc.employees).toBe(14 + 13);
    expect(inc.seedFundFen).toBe(600 * WAN);
  });

  it('narrows to one carrier', async () => {
    const rows = await carrierStatistics(handle.db, filter(w.nursery.id));
    expect(rows.map((r) => r.carrierId)).toEqual([w.nursery.id]);
    expect(rows[0]).toMatchObject({ tenantsInYear: 1, graduatesInYear: 2, graduatesTotal: 2, reportingTenants: 0, revenueFen: 0 });
  });

  it('flags the nursery: more graduates than tenants, missing start and credit code', async () => {
    const [nursery] = await carrierStatistics(handle.db, filter(w.nursery.id));
    expect(
      checkCarrierFigures(nursery!)
        .map((f) => f.code)
        .sort(),
    ).toEqual(['graduatesOverTenants', 'missingCreditCode', 'missingOperatingSince']);
    const [inc] = await carrierStatistics(handle.db, filter(w.incubator.id));
    expect(checkCarrierFigures(inc!)).toEqual([]);
  });
});

describe('tenantStatistics', () => {
  it('lists each tenant of the year once per carrier with its year’s reports summed', async () => {
    const rows = await tenantStatistics(handle.db, filter());
    expect(rows.map((r) => r.name).sort()).toEqual(['年内毕业企业', '未报表团队', '稳定在孵企业'].sort());
    const steady = rows.find((r) => r.ventureId === w.steady.id)!;
    const mine = w.reports.filter((r) => r.ventureId === w.steady.id && r.year === YEAR);
    expect(steady).toMatchObject({
      quartersDue: 4,
      quartersReported: 4,
      revenueFen: sum(mine, (r) => r.revenueFen),
      rdSpendFen: sum(mine, (r) => r.rdSpendFen),
      netProfitFen: sum(mine, (r) => r.netProfitFen),
      ipFiled: sum(mine, (r) => r.ipFiled),
      ipGranted: sum(mine, (r) => r.ipGranted),
      inventionPatents: 6,
      employees: 14,
      highTech: true,
      graduatedOn: null,
      enteredOn: '2024-03-01',
      areaM2: 300,
    });
    const graduate = rows.find((r) => r.ventureId === w.graduate.id)!;
    expect(graduate).toMatchObject({ quartersDue: 2, quartersReported: 2, graduatedOn: '2025-11-30', residentAtYearEnd: false, financingFen: 600 * WAN });
  });

  it('flags the team that filed nothing, the R&D above revenue and the missing technical field', async () => {
    const rows = await tenantStatistics(handle.db, filter());
    const codes = (id: number) =>
      checkTenantFigures(
        rows.find((r) => r.ventureId === id)!,
        YEAR,
      ).map((f) => f.code);
    expect(codes(w.team.id)).toEqual(['missingTechnicalField', 'noReports']);
    expect(codes(w.steady.id)).toEqual(['rdOverRevenue']);
    expect(codes(w.graduate.id)).toEqual(['missingTechnicalField']);
  });

  it('owes no quarter whose report is not due yet', async () => {
    const rows = await tenantStatistics(handle.db, { year: YEAR, today: '2025-07-10' });
    expect(rows.find((r) => r.ventureId === w.steady.id)!.quartersDue).toBe(1); // Q2 is due on 15 July
  });
});

describe('yearSummary', () => {
  it('reads the year’s figures and the targets against them', async () => {
    const s = await yearSummary(handle.db, YEAR);
    expect(s.tenantsAtYearEnd).toEqual({ nursery: 1, incubating: 1, accelerating: 0 });
    expect(s.admissions).toBe(2);
    expect(s.graduations).toMatchObject({ verified: 3, pending: 1, byCriterion: { high_tech: 0, financing: 1, revenue: 1, exit: 1 } });
    expect(s.highTech).toEqual({ total: 1, newInYear: 1 });
    const ofYear = w.reports.filter((r) => r.year === YEAR);
    expect(s.reports.revenueFen).toBe(sum(ofYear, (r) => r.revenueFen));
    expect(s.subsidies).toEqual([{ category: 'rent', awards: 2, committedFen: 50 * WAN, paidFen: 30 * WAN }]);
    expect(s.budget).toMatchObject({ budgetFen: 200 * WAN, paidFen: 30 * WAN, executionRate: 15 });
    expect(Object.fromEntries(s.targets.map((t) => [t.metric, t.outcome]))).toEqual({
      high_tech_enterprises: 'met',
      new_incubators: 'below',
      rd_institutions: 'noData',
    });
  });
});

describe('yearSummary against a partial year', () => {
  it('gives no growth against a year with reports for its last quarter only', async () => {
    // The year before has one report, for its fourth quarter; the year has all four.
    const db = handle.db;
    await db.insert(annualTargets).values({ year: YEAR, metric: 'biomedicine_output_growth_pct', targetMin: 5, targetMax: null, unit: '%', note: null });
    // The tenant that reported in both years, taken as a biomedicine company for the growth.
    const steady = await db.select({ id: ventures.id }).from(ventures).where(eq(ventures.name, '稳定在孵企业'));
    await db.update(ventures).set({ industry: 'biomedicine' }).where(eq(ventures.id, steady[0]!.id));
    try {
      const s = await yearSummary(db, YEAR);
      expect(s.targets.find((t) => t.metric === 'biomedicine_output_growth_pct')).toMatchObject({ actual: null, outcome: 'noData' });
    } finally {
      await db.update(ventures).set({ industry: 'software' }).where(eq(ventures.id, steady[0]!.id));
    }
  });
});

describe('summaryYears', () => {
  it('offers every year from the network’s first data to this one, and no year that only holds a plan', async () => {
    const db = handle.db;
    await db.insert(annualTargets).values({ year: 2015, metric: 'carriers', targetMin: 10, targetMax: null, unit: '家', note: '2015年计划' });
    const [first] = await db.select({ y: sql<number>`min(extract(year FROM ${residencies.enteredOn}))::int` }).from(residencies);
    const firstYear = Number(first!.y);
    expect(firstYear).toBeGreaterThan(2015);
    const years = await summaryYears(db, '2027-02-01');
    expect(years).toEqual(Array.from({ length: 2027 - firstYear + 1 }, (_, i) => 2027 - i));
    expect(years).not.toContain(2015);
  });
});

describe('GET /api/committee/export/statistics', () => {
  const GET = async (q: string) => {
    const route = await import('@/app/api/committee/export/statistics/route');
    return route.GET(new Request(`http://localhost/api/committee/export/statistics?${q}`));
  };
  const read = async (res: Response) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    return wb;
  };

  it('refuses operators and bad tables', async () => {
    session.role = 'operator';
    expect((await GET(`table=tenants&year=${YEAR}`)).status).toBe(403);
    session.role = 'committee';
    expect((await GET(`table=everything&year=${YEAR}`)).status).toBe(400);
  });

  it('exports the tenant table with the official headings and the figures in 千元', async () => {
    session.role = 'committee';
    const res = await GET(`table=tenants&year=${YEAR}&carrier=${w.incubator.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const wb = await read(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['在孵企业表']);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('营业收入（千元）');
    expect(header.slice(0, 3)).toEqual(['载体名称', '企业（团队）名称', '统一社会信用代码']);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const steady = rows.find((r) => r?.[2] === '稳定在孵企业')!;
    const col = (h: string) => header.indexOf(h) + 1;
    const revenueFen = sum(
      w.reports.filter((r) => r.ventureId === w.steady.id && r.year === YEAR),
      (r) => r.revenueFen,
    );
    expect(steady[col('营业收入（千元）')]).toBe(revenueFen / 100_000);
    expect(steady[col('是否高新技术企业')]).toBe('是');
    expect(steady[col('入驻时间')]).toBe('2024-03-01');
    expect(rows.filter(Boolean)).toHaveLength(2);
  });

  it('exports the carrier table, one row per carrier', async () => {
    session.role = 'committee';
    const wb = await read(await GET(`table=carriers&year=${YEAR}`));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['载体运营表']);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['当年毕业企业数（个）', '孵化基金总额（千元）', '在孵企业营业收入（千元）']));
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).filter(Boolean);
    expect(rows).toHaveLength(2);
    const inc = rows.find((r) => r[1] === '统计测试孵化器')!;
    expect(inc[header.indexOf('孵化基金总额（千元）') + 1]).toBe(6000);
    expect(inc[header.indexOf('当年毕业企业数（个）') + 1]).toBe(1);
  });

  const soffice = ['soffice', 'libreoffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!soffice) console.info('statistics export: LibreOffice (soffice) is not installed here, so the headless conversion check is skipped.');
  it.skipIf(!soffice)('opens in LibreOffice (converted headless to csv)', async () => {
    session.role = 'committee';
    const res = await GET(`table=tenants&year=${YEAR}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'torch-'));
    const file = path.join(dir, 'tenants.xlsx');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    // Comma-separated, double quotes, UTF-8 (76), whatever the machine's locale.
    execFileSync(soffice!, ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { timeout: 120_000 });
    expect(fs.readFileSync(path.join(dir, 'tenants.csv'), 'utf8')).toContain('稳定在孵企业');
  });
});
