import type { GraduationQueueFilter } from '@/db/queries/graduations';
import { GRADUATION_STATUSES } from '@/lib/domain/vocabulary';
import { one, optionalEnum, optionalId, optionalYear, type Search } from '../../search-params';

export const QUEUE_STATUSES = [...GRADUATION_STATUSES, 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** The queue's filters from its URL: pending ones by default, `status=all` for every status. */
export function parseGraduationFilters(params: Search | URLSearchParams): GraduationQueueFilter & { statusParam: QueueStatus } {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : one(params[k]));
  const statusParam = optionalEnum(QUEUE_STATUSES, get('status')) ?? 'pending';
  return {
    statusParam,
    status: statusParam === 'all' ? undefined : statusParam,
    carrierId: optionalId(get('carrier')),
    year: optionalYear(get('year')),
  };
}

export function graduationFilterParams(f: ReturnType<typeof parseGraduationFilters>): Record<string, string | undefined> {
  return { status: f.statusParam === 'pending' ? undefined : f.statusParam, carrier: f.carrierId?.toString(), year: f.year?.toString() };
}
