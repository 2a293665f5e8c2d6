import { z } from 'zod';
import { INDUSTRIES, VENTURE_STAGES, type Industry, type VentureStage } from '../domain/vocabulary';

/**
 * The ventures list's URL search params (q, carrier, stage, industry, highTech, warnings,
 * limit, entered, sort, dir), parsed for the server-side query. Anything malformed is dropped rather
 * than refused, so an edited or outdated bookmark still opens a list.
 */
export type { Industry };
export const VENTURE_SORTS = ['name', 'stage', 'entered', 'founded'] as const;
export type VentureSort = (typeof VENTURE_SORTS)[number];
export const LIMIT_FILTERS = ['due_soon', 'overdue'] as const;
export type LimitFilter = (typeof LIMIT_FILTERS)[number];

export type VentureFilters = {
  q?: string;
  carrierId?: number;
  stage?: VentureStage;
  industry?: Industry;
  highTech?: boolean;
  warnings?: boolean;
  limit?: LimitFilter;
  /** Admitted into one of the listed carriers (a residency that began) in this year. */
  enteredYear?: number;
  sort?: VentureSort;
  dir?: 'asc' | 'desc';
};

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: SearchParamsLike, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const s = (Array.isArray(v) ? v[0] : v)?.replace(/\u0000/g, '');
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

const flag = z.enum(['1', '0']).transform((v) => v === '1');

const schema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  carrierId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  stage: z.enum(VENTURE_STAGES).optional().catch(undefined),
  industry: z.enum(INDUSTRIES).optional().catch(undefined),
  highTech: flag.optional().catch(undefined),
  warnings: flag.optional().catch(undefined),
  limit: z.enum(LIMIT_FILTERS).optional().catch(undefined),
  enteredYear: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  sort: z.enum(VENTURE_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
});

export function parseVentureFilters(searchParams: SearchParamsLike): VentureFilters {
  const parsed = schema.parse({
    q: first(searchParams, 'q'),
    carrierId: first(searchParams, 'carrier'),
    stage: first(searchParams, 'stage'),
    industry: first(searchParams, 'industry'),
    highTech: first(searchParams, 'highTech'),
    warnings: first(searchParams, 'warnings'),
    limit: first(searchParams, 'limit'),
    enteredYear: first(searchParams, 'entered'),
    sort: first(searchParams, 'sort'),
    dir: first(searchParams, 'dir'),
  });
  const out: VentureFilters = {};
  for (const [k, v] of Object.entries(parsed)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The filters back as URL search params (the inverse of parseVentureFilters). */
export function ventureFilterParams(f: VentureFilters): Record<string, string | undefined> {
  const flagParam = (b: boolean | undefined) => (b === undefined ? undefined : b ? '1' : '0');
  return {
    q: f.q,
    carrier: f.carrierId === undefined ? undefined : String(f.carrierId),
    stage: f.stage,
    industry: f.industry,
    highTech: flagParam(f.highTech),
    warnings: flagParam(f.warnings),
    limit: f.limit,
    entered: f.enteredYear === undefined ? undefined : String(f.enteredYear),
    sort: f.sort,
    dir: f.dir,
  };
}
