import { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../domain/workflow';

/**
 * The operator's applications list's URL search params (status, programme, year, carrier, sort,
 * dir), parsed for the server-side query. Anything malformed is dropped rather than refused, so
 * an edited or outdated bookmark still opens a list.
 */
export const APPLICATION_SORTS = ['updated', 'submitted', 'requested', 'refNo'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export type ApplicationFilters = {
  status?: ApplicationStatus;
  programId?: number;
  year?: number;
  carrierId?: number;
  sort?: ApplicationSort;
  dir?: 'asc' | 'desc';
};

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: SearchParamsLike, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

const idParam = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

const schema = z.object({
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  programId: idParam,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  carrierId: idParam,
  sort: z.enum(APPLICATION_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

export function parseApplicationFilters(params: SearchParamsLike): ApplicationFilters {
  const parsed = schema.parse({
    status: first(params, 'status'),
    programId: first(params, 'programme'),
    year: first(params, 'year'),
    carrierId: first(params, 'carrier'),
    sort: first(params, 'sort'),
    dir: first(params, 'dir'),
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ApplicationFilters;
}

/** The filters back as URL search params (the names the form uses). */
export function applicationFilterParams(f: ApplicationFilters): Record<string, string | undefined> {
  return {
    status: f.status,
    programme: f.programId === undefined ? undefined : String(f.programId),
    year: f.year === undefined ? undefined : String(f.year),
    carrier: f.carrierId === undefined ? undefined : String(f.carrierId),
    sort: f.sort,
    dir: f.dir,
  };
}
