import { checkTenantFigures, worstSeverity } from '@/lib/domain/statistics-checks';
import type { graduations, residencies, ventureReports, ventures } from '@/db/schema';

/**
 * What stay_year_figures and carrier_year_tenants must hold (docs/read-models.md), worked out in
 * JavaScript from the raw rows: each stay's years (open stays up to the horizon), its sums, and
 * its worst check by checkTenantFigures for each number of quarters due; then those added up per
 * carrier and year.
 */
const quarterEnd = (year: number, quarter: number) => new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);

type StayRow = Record<string, unknown> & {
  enteredOn: string;
  areaM2: number;
  atYearEnd: boolean;
  covered: number;
  reports: number;
  revenueFen: number;
};

export function expectedStayYears(
  stays: (typeof residencies.$inferSelect)[],
  reports: (typeof ventureReports.$inferSelect)[],
  grads: (typeof graduations.$inferSelect)[],
  venture: Map<number, typeof ventures.$inferSelect>,
  horizon: number,
) {
  const out: Record<string, StayRow> = {};
  for (const r of stays) {
    const first = Number(r.enteredOn.slice(0, 4));
    const last = r.leftOn ? Number(r.leftOn.slice(0, 4)) : Math.max(horizon, first);
    for (let year = first; year <= last; year++) {
      const key = `${year}|${r.carrierId}|${r.ventureId}`;
      const v = venture.get(r.ventureId)!;
      const row = (out[key] ??= {
        enteredOn: r.enteredOn,
        areaM2: r.areaM2,
        latest: r.enteredOn,
        atYearEnd: false,
        covered: 0,
        graduatedOn:
          grads
            .filter((g) => g.ventureId === r.ventureId && g.carrierId === r.carrierId && g.status === 'verified' && g.graduatedOn <= `${year}-12-31`)
            .map((g) => g.graduatedOn)
            .sort()
            .pop() ?? null,
        ...{
          reports: 0,
          revenueFen: 0,
          netProfitFen: 0,
          rdSpendFen: 0,
          taxFen: 0,
          financingFen: 0,
          employees: 0,
          ipFiled: 0,
          ipGranted: 0,
          inventionPatents: 0,
        },
        ...{ name: v.name, kind: v.kind, industry: v.industry, foundedOn: v.foundedOn, noCreditCode: !v.creditCode, noTechnicalField: !v.technicalField },
      });
      if (r.enteredOn < (row.enteredOn as string)) row.enteredOn = r.enteredOn;
      // The area of the stay's latest residency (a venture's residencies never overlap).
      if (r.enteredOn > (row.latest as string)) Object.assign(row, { areaM2: r.areaM2, latest: r.enteredOn });
      const open = (day: string) => r.enteredOn <= day && (r.leftOn === null || r.leftOn > day);
      if (open(`${year}-12-31`)) row.atYearEnd = true;
      for (let q = 1; q <= 4; q++) if (open(quarterEnd(year, q))) row.covered = (row.covered as number) | (1 << (q - 1));
    }
  }
  const lastQuarter = new Map<string, number>();
  for (const p of reports) {
    const row = out[`${p.year}|${p.carrierId}|${p.ventureId}`];
    if (!row) continue;
    for (const k of ['revenueFen', 'netProfitFen', 'rdSpendFen', 'taxFen', 'financingFen', 'ipFiled', 'ipGranted'] as const) row[k] = (row[k] as number) + p[k];
    row.reports = (row.reports as number) + 1;
    row.inventionPatents = Math.max(row.inventionPatents as number, p.inventionPatents);
    const key = `${p.year}|${p.carrierId}|${p.ventureId}`;
    if ((lastQuarter.get(key) ?? 0) < p.quarter) {
      lastQuarter.set(key, p.quarter);
      row.employees = p.employees;
    }
  }
  const carrierYears: Record<string, Record<string, unknown>> = {};
  for (const [key, row] of Object.entries(out)) {
    delete row.latest;
    const [year, carrierId] = key.split('|').map(Number) as [number, number];
    const levels = [0, 1, 2, 3, 4].map((d) => {
      const due = [1, 2, 3, 4].filter((q) => q <= d && (row.covered & (1 << (q - 1))) !== 0).length;
      const figures = {
        ...(row as unknown as Parameters<typeof checkTenantFigures>[0]),
        creditCode: row.noCreditCode ? null : 'code',
        technicalField: row.noTechnicalField ? null : 'field',
        quartersDue: due,
        quartersReported: row.reports,
      };
      return worstSeverity(checkTenantFigures(figures, year));
    });
    row.errorLevels = levels.reduce((m, s, d) => (s === 'error' ? m | (1 << d) : m), 0);
    row.warningLevels = levels.reduce((m, s, d) => (s === 'warning' ? m | (1 << d) : m), 0);
    const c = (carrierYears[`${year}|${carrierId}`] ??= {
      tenants: 0,
      tenantsAtEnd: 0,
      newTenants: 0,
      occupiedM2: 0,
      revenueFen: 0,
      errors: [0, 0, 0, 0, 0],
      warnings: [0, 0, 0, 0, 0],
    }) as { tenants: number; tenantsAtEnd: number; newTenants: number; occupiedM2: number; revenueFen: number; errors: number[]; warnings: number[] };
    c.tenants += 1;
    if (row.atYearEnd) c.tenantsAtEnd += 1;
    if (row.enteredOn >= `${year}-01-01`) c.newTenants += 1;
    if (row.atYearEnd) c.occupiedM2 += row.areaM2;
    c.revenueFen += row.revenueFen;
    levels.forEach((s, d) => {
      if (s === 'error') c.errors[d]! += 1;
      if (s === 'warning') c.warnings[d]! += 1;
    });
  }
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { stayYears: sorted(out), carrierYears: sorted(carrierYears) };
}
