import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CarrierKind, CarrierLevel, Industry } from '@/lib/domain/vocabulary';
import { carriers, residencies, ventures } from '../../schema';

/**
 * The committee dashboard's filters: a year and optionally a zone, a carrier kind, a carrier
 * level and an industry. Carrier filters narrow by the carrier a figure belongs to (the
 * report's, the residency's, the graduation's, the application's); the industry narrows by
 * the venture's industry, and carriers by their focus industries.
 */
export type NetworkFilter = { year: number; zone?: string; kind?: CarrierKind; level?: CarrierLevel; industry?: Industry };

/** Conditions on the joined `carriers` row. */
export function carrierMatches(f: NetworkFilter): SQL | undefined {
  return and(f.zone ? eq(carriers.zone, f.zone) : undefined, f.kind ? eq(carriers.kind, f.kind) : undefined, f.level ? eq(carriers.level, f.level) : undefined);
}

/** Conditions on the joined `carriers` and `ventures` rows. */
export function ventureMatches(f: NetworkFilter): SQL | undefined {
  return and(carrierMatches(f), f.industry ? eq(ventures.industry, f.industry) : undefined);
}

/**
 * The same conditions on a `residencies` row without joining its carrier and venture: each is a
 * semi-join read only when its filter is given, so that the unfiltered network counts read the
 * residencies alone.
 */
export function residencyMatches(f: NetworkFilter): SQL | undefined {
  const onCarrier = carrierMatches(f);
  return and(
    onCarrier ? sql`${residencies.carrierId} IN (SELECT ${carriers.id} FROM ${carriers} WHERE ${onCarrier})` : undefined,
    f.industry ? sql`${residencies.ventureId} IN (SELECT ${ventures.id} FROM ${ventures} WHERE ${ventures.industry} = ${f.industry})` : undefined,
  );
}

/** A carrier counts under an industry filter when the industry is among its focus industries. */
export function carrierFocusMatches(f: NetworkFilter): SQL | undefined {
  return and(carrierMatches(f), f.industry ? sql`${f.industry}::industry = ANY(${carriers.focusIndustries})` : undefined);
}

export function anyFilter(f: NetworkFilter): boolean {
  return Boolean(f.zone || f.kind || f.level || f.industry);
}

/** Year bounds as ISO dates; `cutoff` is the year's end, or today within the current year. */
export function yearBounds(year: number, today: string) {
  const end = `${year}-12-31`;
  return { start: `${year}-01-01`, end, cutoff: today < end ? today : end };
}
