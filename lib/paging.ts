import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Page and page size from URL search params, clamped; bad input falls back to the defaults. */
export function parsePaging(params: { page?: string; size?: string }) {
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(params.page ?? 1);
  const pageSize = z.coerce
    .number()
    .int()
    .min(5)
    .max(MAX_PAGE_SIZE)
    .catch(DEFAULT_PAGE_SIZE)
    .parse(params.size ?? DEFAULT_PAGE_SIZE);
  return { page, pageSize };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
