import { z } from 'zod';

/** Reading list filters from the URL: anything malformed is ignored, never an error page. */
export type Search = Record<string, string | string[] | undefined>;
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const optionalId = (v: string | undefined) =>
  z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .optional()
    .catch(undefined)
    .parse(v || undefined);
/**
 * The id in a dynamic segment ([id]) of a page or a route handler: a positive 32-bit integer, or
 * undefined for anything else, signs, spaces, exponents and leading zeros included (the page
 * answers notFound(), the route 404). The one parser for ids.
 */
export function pathId(v: string | undefined): number | undefined {
  if (!v || !/^[1-9]\d{0,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 2_147_483_647 ? n : undefined;
}
/** A carrier id from the URL, kept only when it is one of the caller's (`carrierIds`). */
export function carrierParam(raw: string | undefined, carrierIds: readonly number[]): number | undefined {
  const id = optionalId(raw);
  return id !== undefined && carrierIds.includes(id) ? id : undefined;
}

export const optionalYear = (v: string | undefined) =>
  z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .catch(undefined)
    .parse(v || undefined);
export function optionalEnum<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function hrefWith(basePath: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${basePath}?${s}` : basePath;
}

export const filterField = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/**
 * The year of the statistics asked for: a valid year up to the next one, else this year (a stay
 * still open has figures up to the year after this one, docs/read-models.md).
 */
export function statisticsYear(v: string | undefined, today: string): number {
  const current = Number(today.slice(0, 4));
  const year = optionalYear(v);
  return year !== undefined && year <= current + 1 ? year : current;
}
