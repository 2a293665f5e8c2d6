/**
 * The shape of the benchmark's network at a scale, as pure functions (no database, no clock).
 * A network at scale N is N districts of the same make-up: district 0 is the network of scale 1
 * and holds the benchmark operator's large carrier, so that carrier and its pages are the same at
 * every scale; the other districts add ordinary carriers, ventures, reports and applications.
 */
import type { CarrierKind } from '../lib/domain/vocabulary';

/** One district: what scale 1 loads. */
export const DISTRICT = { carriers: 150, ventures: 6_000, applications: 3_000, years: 10, bigCarrierTenants: 450 } as const;

/** The largest scale the generator's names and codes stay unique at (seven-digit serials). */
export const MAX_SCALE = 1_000;

/**
 * The kind of the carrier at a district-local index: the first is the large incubator, then 49
 * nurseries, 70 incubators and 30 accelerators — so every district, and every network made of
 * them, has the same mix (71 incubators, 49 nurseries, 30 accelerators in 150).
 */
export function carrierKind(localIndex: number): CarrierKind {
  const i = localIndex % DISTRICT.carriers;
  if (i === 0) return 'incubator';
  if (i < 50) return 'nursery';
  if (i < 120) return 'incubator';
  return 'accelerator';
}

/** The carrier kinds of a whole network at a scale, in id order. */
export function networkKinds(scale: number): CarrierKind[] {
  return Array.from({ length: DISTRICT.carriers * scale }, (_, i) => carrierKind(i));
}

export type BenchPlan = {
  scale: number;
  districts: number;
  carriers: number;
  ventures: number;
  applications: number;
  /** Ten years of the committee's programmes, one per category and year, whatever the scale. */
  programmes: number;
  /** Each programme's budget grows with the network, so committed/budget stays comparable. */
  budgetFactor: number;
  /** Ventures of the operator's carrier (district 0, carrier 1) at every scale. */
  bigCarrierTenants: number;
};

/** The planned row counts of a network at a scale (the reports follow from the stays). */
export function benchPlan(scale: number, categories: number): BenchPlan {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) throw new Error(`The scale must be a whole number from 1 to ${MAX_SCALE}.`);
  return {
    scale,
    districts: scale,
    carriers: DISTRICT.carriers * scale,
    ventures: DISTRICT.ventures * scale,
    applications: DISTRICT.applications * scale,
    programmes: DISTRICT.years * categories,
    budgetFactor: scale,
    bigCarrierTenants: DISTRICT.bigCarrierTenants,
  };
}

/** The id offsets of a district's rows: its carriers, ventures and applications follow the previous district's. */
export function districtOffsets(district: number) {
  return { carrier: district * DISTRICT.carriers, venture: district * DISTRICT.ventures, application: district * DISTRICT.applications };
}

/** The seed of a district's generator; district 0 keeps the seed the scale-1 network always had. */
export function districtSeed(district: number): number {
  return 20_150_606 + district * 7_919;
}

/** `<db>_s1`: the database of the scale-1 network a `--compare 1` run measures beside the large one. */
export function compareDatabaseUrl(url: string, scale: number): string {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
  u.pathname = `/${encodeURIComponent(`${name}_s${scale}`)}`;
  return u.toString();
}
