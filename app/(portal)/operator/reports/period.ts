import { z } from 'zod';
import { compareQuarters, lastClosedQuarter, type Quarter } from '@/lib/domain/reporting';

export type ReportSearch = { carrier?: string; year?: string; quarter?: string; missing?: string };

const int = z.coerce.number().int();

/**
 * The carrier and closed quarter a reports page shows, from its URL: the operator's first
 * carrier and the last closed quarter unless the URL names others. A carrier outside the
 * operator's scope is kept as asked, so that the query refuses it (notFound).
 */
export function resolvePeriod(params: ReportSearch, today: string, carrierIds: number[], fallbackCarrier?: number) {
  const last = lastClosedQuarter(today);
  const carrier = int.positive().max(2_147_483_647).safeParse(params.carrier);
  const year = int.min(2000).max(last.year).safeParse(params.year);
  const quarter = int.min(1).max(4).safeParse(params.quarter);
  let period: Quarter = last;
  if (year.success && quarter.success) {
    const asked = { year: year.data, quarter: quarter.data };
    if (compareQuarters(asked, last) <= 0) period = asked;
  }
  const carrierId = carrier.success ? carrier.data : (fallbackCarrier ?? carrierIds[0]);
  return { carrierId, ...period, missing: params.missing === '1' };
}

/** A reports URL that keeps the period and the carrier. */
export function reportsHref(p: { carrierId: number; year: number; quarter: number; missing?: boolean }, ventureId?: number): string {
  const q = new URLSearchParams({ carrier: String(p.carrierId), year: String(p.year), quarter: String(p.quarter) });
  if (p.missing) q.set('missing', '1');
  return `/operator/reports${ventureId ? `/${ventureId}` : ''}?${q.toString()}`;
}
