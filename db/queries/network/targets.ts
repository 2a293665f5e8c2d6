import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { conflict, invalid, notFound } from '@/lib/errors';
import { requiredName } from '@/lib/validation/visible-text';
import type { Db, DbOrTx } from '../../client';
import { annualTargets, type AnnualTarget } from '../../schema';
import { isUniqueViolation } from '../shared/errors';

/**
 * The committee's annual targets (年度目标): a year, a metric, a minimum and an optional
 * maximum (the plan's range), a unit and a note. Committee only: callers check the role.
 */

/** Metrics the dashboard computes from the data; any other metric is shown without progress. */
export const KNOWN_METRICS = [
  'carriers',
  'incubation_area_m2',
  'new_incubators',
  'new_incubation_area_m2',
  'new_admissions',
  'graduations',
  'high_tech_enterprises',
  'employees',
  'revenue_wan',
  'rd_spend_wan',
  'financing_wan',
  'ip_filed',
  'ip_granted',
  'biomedicine_output_growth_pct',
  'new_energy_output_growth_pct',
  'budget_execution_pct',
] as const;
export type KnownMetric = (typeof KNOWN_METRICS)[number];
export type TargetFigures = Record<KnownMetric, number | null>;

export type TargetProgress = AnnualTarget & {
  known: boolean;
  /** Measured in per cent (a growth, a rate): read as the figure against the target, in per cent. */
  rate: boolean;
  value: number | null;
  /** The value as a share of the minimum in per cent, one decimal; null for a rate, whose share would be a percentage of a percentage. */
  percent: number | null;
  status: 'met' | 'above' | 'below' | 'unknown';
};

export function isKnownMetric(metric: string): metric is KnownMetric {
  return (KNOWN_METRICS as readonly string[]).includes(metric);
}

/** A target measured in per cent: a metric named `…_pct`, or the unit %. */
export function isRateTarget(t: { metric: string; unit: string }): boolean {
  return t.metric.endsWith('_pct') || ['%', '％'].includes(t.unit.trim());
}

/** Each target with the figure it is measured by: met from the minimum, above past the maximum. */
export function targetProgress(targets: AnnualTarget[], figures: TargetFigures): TargetProgress[] {
  return targets.map((t) => {
    const known = isKnownMetric(t.metric);
    const rate = isRateTarget(t);
    const value = known ? figures[t.metric as KnownMetric] : null;
    if (value === null) return { ...t, known, rate, value: null, percent: null, status: 'unknown' as const };
    const percent = !rate && t.targetMin > 0 ? Math.round((value * 1000) / t.targetMin) / 10 : null;
    const status = value < t.targetMin ? 'below' : t.targetMax !== null && value > t.targetMax ? 'above' : 'met';
    return { ...t, known, rate, value, percent, status };
  });
}

export async function targetsOfYear(db: DbOrTx, year: number): Promise<AnnualTarget[]> {
  return db.select().from(annualTargets).where(eq(annualTargets.year, year)).orderBy(asc(annualTargets.metric));
}

/** Every target, newest year first, for the targets page. */
export async function listTargets(db: DbOrTx, f: { year?: number } = {}): Promise<AnnualTarget[]> {
  return db
    .select()
    .from(annualTargets)
    .where(f.year === undefined ? undefined : eq(annualTargets.year, f.year))
    .orderBy(desc(annualTargets.year), asc(annualTargets.metric));
}

export async function getTarget(db: DbOrTx, id: number): Promise<AnnualTarget> {
  const [t] = await db.select().from(annualTargets).where(eq(annualTargets.id, id));
  if (!t) throw notFound();
  return t;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const decimal = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(/[,，]/g, '')) : v),
  z.coerce.number({ message: 'number' }).finite('number').min(0).max(1e12),
);

export const targetInput = z
  .object({
    year: z.coerce.number({ message: 'number' }).int('number').min(2000).max(2100),
    metric: z
      .string()
      .trim()
      .min(1, 'required')
      .max(60)
      .regex(/^[a-z][a-z0-9_]*$/, 'networkTargets.errors.metricFormat'),
    targetMin: decimal,
    targetMax: z.preprocess(blank, decimal.optional()),
    unit: requiredName(20),
    note: z.preprocess(blank, z.string().trim().max(500).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.targetMax !== undefined && v.targetMax < v.targetMin)
      ctx.addIssue({ code: 'custom', path: ['targetMax'], message: 'networkTargets.errors.maxBelowMin' });
  });
export type TargetInput = z.output<typeof targetInput>;

const taken = () => invalid({ metric: [{ key: 'networkTargets.errors.duplicate' }] });
const valuesOf = (input: TargetInput) => ({
  year: input.year,
  metric: input.metric,
  targetMin: input.targetMin,
  targetMax: input.targetMax ?? null,
  unit: input.unit,
  note: input.note ?? null,
});

export async function createTarget(db: Db, actor: Actor, input: TargetInput): Promise<{ targetId: number }> {
  const values = valuesOf(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(annualTargets).values(values).returning({ id: annualTargets.id });
      await writeAudit(tx, actor, { action: 'target.create', entity: 'annual_target', entityId: row!.id, after: values });
      return { targetId: row!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Changes a target, guarded by its version: a stale form gets a conflict, never an overwrite. */
export async function updateTarget(db: Db, actor: Actor, input: TargetInput & { targetId: number; version: number }): Promise<{ version: number }> {
  const values = valuesOf(input);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(annualTargets).where(eq(annualTargets.id, input.targetId));
      if (!current) throw notFound();
      const [saved] = await tx
        .update(annualTargets)
        .set({ ...values, version: sql`${annualTargets.version} + 1`, updatedAt: new Date() })
        .where(and(eq(annualTargets.id, input.targetId), eq(annualTargets.version, input.version)))
        .returning({ version: annualTargets.version });
      if (!saved) throw conflict();
      const diff = changedFields(current as unknown as Record<string, unknown>, values);
      // The unit goes with every change, so that the limits read in it (an unchanged unit is not shown as a change).
      const before = { ...diff.before, unit: current.unit };
      const after = { ...diff.after, unit: values.unit };
      await writeAudit(tx, actor, { action: 'target.update', entity: 'annual_target', entityId: current.id, before, after });
      return { version: saved.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}
