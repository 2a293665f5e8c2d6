import { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/workflow';

/**
 * The committee's review queue filters as they stand in the URL (programme, year, status,
 * carrier, zone), shared by the page and its export so that both show the same rows.
 * Malformed values are dropped, never an error.
 */
export type QueueFilters = { programId?: number; year?: number; status?: ApplicationStatus; carrierId?: number; zone?: string };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const read = (p: Params, key: string): string | undefined => {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
};
const idOf = (v: string | undefined) => z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined).parse(v);

export function parseQueueFilters(p: Params): QueueFilters {
  const status = read(p, 'status');
  return {
    programId: idOf(read(p, 'programme')),
    year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined).parse(read(p, 'year')),
    status: status && (APPLICATION_STATUSES as readonly string[]).includes(status) ? (status as ApplicationStatus) : undefined,
    carrierId: idOf(read(p, 'carrier')),
    zone: read(p, 'zone')?.slice(0, 100),
  };
}

/** The filters back as URL params (the names the page reads). */
export function queueFilterParams(f: QueueFilters): Record<string, string | undefined> {
  return {
    programme: f.programId?.toString(),
    year: f.year?.toString(),
    status: f.status,
    carrier: f.carrierId?.toString(),
    zone: f.zone,
  };
}
