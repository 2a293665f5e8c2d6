import type { CarrierStatisticsRow, FlaggedTenant, TenantStatisticsView } from '@/db/queries/network';
import { checkCarrierFigures, worstSeverity, type CheckFlag, type CheckSeverity } from '@/lib/domain/statistics-checks';

/** A row of either table that the logic checks flagged, with its reasons. */
export type FlaggedRow = { table: 'carriers' | 'tenants'; key: string; label: string; severity: CheckSeverity; flags: CheckFlag[] };

export const carrierKey = (r: { carrierId: number }) => `c${r.carrierId}`;
export const tenantKey = (r: { carrierId: number; ventureId: number }) => `t${r.carrierId}-${r.ventureId}`;

/** The carriers the checks flag, in the table's order. */
export function flagCarriers(carriers: CarrierStatisticsRow[]): FlaggedRow[] {
  const out: FlaggedRow[] = [];
  for (const c of carriers) {
    const flags = checkCarrierFigures(c);
    const severity = worstSeverity(flags);
    if (severity) out.push({ table: 'carriers', key: carrierKey(c), label: c.name, severity, flags });
  }
  return out;
}

const tenantFlagged = (t: FlaggedTenant): FlaggedRow => ({
  table: 'tenants',
  key: tenantKey(t),
  label: `${t.name} · ${t.carrierName}`,
  severity: t.severity,
  flags: t.flags,
});

/**
 * One page of the flagged rows of both tables: the carriers' errors, the tenants' errors, the
 * carriers' warnings, the tenants' warnings, each in its table's order. The tenants of the page
 * come from the view (checked in SQL over every tenant), placed by their position in that list.
 */
export function flaggedPage(carriers: FlaggedRow[], view: TenantStatisticsView, pageSize: number) {
  const carrierErrors = carriers.filter((c) => c.severity === 'error');
  const carrierWarnings = carriers.filter((c) => c.severity === 'warning');
  const total = carriers.length + view.errors + view.warnings;
  const errors = carrierErrors.length + view.errors;
  const from = (view.flaggedPage - 1) * pageSize;
  const byPosition = new Map(view.flagged.map((t) => [t.position, t]));
  const rows: FlaggedRow[] = [];
  for (let i = from; i < Math.min(total, from + pageSize); i++) {
    const tenant = byPosition.get(i);
    if (tenant) rows.push(tenantFlagged(tenant));
    else if (i < carrierErrors.length) rows.push(carrierErrors[i]!);
    else {
      const w = carrierWarnings[i - carrierErrors.length - view.errors];
      if (w) rows.push(w);
    }
  }
  return { rows, total, errors, page: view.flaggedPage };
}
