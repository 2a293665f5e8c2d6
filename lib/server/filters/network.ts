import type { NetworkFilter } from '@/db/queries/network';
import { CARRIER_KINDS, CARRIER_LEVELS, INDUSTRIES } from '@/lib/domain/vocabulary';
import { one, optionalEnum, optionalYear } from '../../search-params';

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * The dashboard's filters from its address (/committee?year=&zone=&kind=&level=&industry=):
 * anything malformed is ignored; the year defaults to the current one.
 */
export function parseNetworkFilter(params: Params, currentYear: number): NetworkFilter {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : one(params[k]));
  const zone = get('zone')?.trim().slice(0, 60);
  return {
    year: optionalYear(get('year')) ?? currentYear,
    zone: zone || undefined,
    kind: optionalEnum(CARRIER_KINDS, get('kind')),
    level: optionalEnum(CARRIER_LEVELS, get('level')),
    industry: optionalEnum(INDUSTRIES, get('industry')),
  };
}

/** The filter as URL params (the year always, the rest when set). */
export function filterParams(f: NetworkFilter): Record<string, string | undefined> {
  return { year: String(f.year), zone: f.zone, kind: f.kind, level: f.level, industry: f.industry };
}
