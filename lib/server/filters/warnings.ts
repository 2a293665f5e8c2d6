import { WARNING_TYPES, type WarningType } from '@/lib/domain/network-lists';
import { one, optionalEnum, optionalId, type Search } from '../../search-params';

/** The warnings page's filters: which list (admission warnings by default) and which carrier. */
export function parseWarningFilters(params: Search | URLSearchParams): { type: WarningType; carrierId?: number } {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : one(params[k]));
  return { type: optionalEnum(WARNING_TYPES, get('type')) ?? 'admission', carrierId: optionalId(get('carrier')) };
}
