import type { CarrierListFilter } from '@/db/queries/network';
import { CARRIER_SORTS } from '@/lib/domain/network-lists';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '@/lib/domain/vocabulary';
import { searchText } from '@/lib/validation/search-text';
import { one, optionalEnum, type Search } from '../../search-params';

/** The carrier list's filters from its URL (the page and its export read the same ones). */
export function parseCarrierFilters(params: Search | URLSearchParams): CarrierListFilter {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : one(params[k]));
  return {
    q: searchText(get('q')),
    kind: optionalEnum(CARRIER_KINDS, get('kind')),
    level: optionalEnum(CARRIER_LEVELS, get('level')),
    zone: searchText(get('zone')),
    status: optionalEnum(CARRIER_STATUSES, get('status')),
    warnings: get('warnings') === '1' ? true : undefined,
    sort: optionalEnum(CARRIER_SORTS, get('sort')),
    dir: optionalEnum(['asc', 'desc'] as const, get('dir')),
  };
}

/** The filters back as URL params (for links that keep them). */
export function carrierFilterParams(f: CarrierListFilter): Record<string, string | undefined> {
  return { q: f.q, kind: f.kind, level: f.level, zone: f.zone, status: f.status, warnings: f.warnings ? '1' : undefined, sort: f.sort, dir: f.dir };
}
