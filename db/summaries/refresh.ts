import { sql } from 'drizzle-orm';
import { observeSummaryRebuild } from '../../lib/metrics';
import type { DbOrTx } from '../connect';

/**
 * The read models of the network figures (db/schema/summaries.ts, docs/read-models.md).
 *
 * They are kept by the database itself: triggers on venture_reports, graduations, applications
 * and ventures (and on residencies, for the per-venture ones) recompute, in the writing
 * transaction, the summary rows of the keys each statement touched (migrations
 * 0015_network_summaries_upkeep, 0021_venture_cohorts_upkeep, 0024_stay_year_figures_upkeep,
 * 0027_carrier_year_tenants_upkeep). Whatever writes those tables —
 * a server action, an import, the seed, a test's fixture — leaves the summaries right.
 *
 * Runs outside Next too (seed, scripts): no 'server-only'.
 */

/** Every summary row rebuilt from the raw rows, inside the caller's transaction. */
export async function rebuildSummaries(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT summaries_rebuild()`);
}

/**
 * Rebuilds every summary from scratch in one transaction: `npm run db:refresh-summaries`, after
 * a restore, and after a bulk load that ran with the triggers switched off.
 */
export async function refreshAllSummaries(db: DbOrTx): Promise<void> {
  const started = performance.now();
  await db.transaction(async (tx) => rebuildSummaries(tx));
  observeSummaryRebuild((performance.now() - started) / 1000, 'full');
}

export const SUMMARY_TABLES = [
  'carrier_quarter_figures',
  'carrier_year_figures',
  'programme_funding',
  'programme_totals',
  'network_quarter_figures',
  'network_figure_changes',
  'venture_cohorts',
  'stay_year_figures',
  'carrier_year_tenants',
  'stay_year_horizon',
] as const;

/**
 * For a bulk load inside one transaction: the triggers skip their recomputation for the rest of
 * `tx` (each statement of a large load would otherwise sum again every key it touched), and the
 * caller ends the load with `rebuildSummaries(tx)` in the same transaction.
 */
export async function deferSummaries(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT set_config('summaries.defer', 'on', true)`);
}

/** Whether a table is one of the summaries (derived rows, never restored or written as such). */
export function isSummaryTable(name: string): boolean {
  return (SUMMARY_TABLES as readonly string[]).includes(name);
}
