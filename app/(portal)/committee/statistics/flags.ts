import type { CarrierStatisticsRow, TenantStatisticsRow } from '@/db/queries/network';
import { checkCarrierFigures, checkTenantFigures, worstSeverity, type CheckFlag, type CheckSeverity } from '@/lib/domain/statistics-checks';

/** A row of either table that the logic checks flagged, with its reasons. */
export type FlaggedRow = { table: 'carriers' | 'tenants'; key: string; label: string; severity: CheckSeverity; flags: CheckFlag[] };

export const carrierKey = (r: CarrierStatisticsRow) => `c${r.carrierId}`;
export const tenantKey = (r: TenantStatisticsRow) => `t${r.carrierId}-${r.ventureId}`;

/** Runs the checks over every row of both tables; errors first, then by table and order. */
export function flagRows(carriers: CarrierStatisticsRow[], tenants: TenantStatisticsRow[], year: number): FlaggedRow[] {
  const out: FlaggedRow[] = [];
  for (const c of carriers) {
    const flags = checkCarrierFigures(c);
    const severity = worstSeverity(flags);
    if (severity) out.push({ table: 'carriers', key: carrierKey(c), label: c.name, severity, flags });
  }
  for (const t of tenants) {
    const flags = checkTenantFigures(t, year);
    const severity = worstSeverity(flags);
    if (severity) out.push({ table: 'tenants', key: tenantKey(t), label: `${t.name} · ${t.carrierName}`, severity, flags });
  }
  const rank = (s: CheckSeverity) => (s === 'error' ? 0 : 1);
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r.severity) - rank(b.r.severity) || a.i - b.i)
    .map(({ r }) => r);
}
