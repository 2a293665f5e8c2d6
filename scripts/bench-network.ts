/**
 * Loads the benchmark's network at a scale into a migrated, empty PostgreSQL database: the shared
 * rows, then district after district (generated one at a time, so memory stays that of one
 * district), with the loaded tables' secondary indexes dropped before and re-created after and
 * their own triggers held off, then ANALYZE; the caller runs afterLoad. The load is one
 * transaction: a failed load leaves the database as it was.
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import { getTableName, sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseHandle } from '../db/connect';
import * as s from '../db/schema';
import { refreshAllSummaries, SUMMARY_TABLES } from '../db/summaries';
import { PROGRAM_CATEGORIES } from '../lib/domain/vocabulary';
import { BENCH_OPERATOR_CARRIER, BENCH_USERS, generateDistrict, sharedRows } from './bench-data';
import { bulkInsert, disableTriggers, dropSecondaryIndexes, enableTriggers, recreateIndexes } from './bench-load';
import { benchPlan } from './bench-plan';

/** The tables the loader writes, parents before children. */
const LOADED = [
  s.carriers,
  s.ventures,
  s.residencies,
  s.graduations,
  s.ventureReports,
  s.ventureFinancings,
  s.programs,
  s.applications,
  s.annualTargets,
  s.users,
  s.operatorCarriers,
];

/**
 * Called once after the raw rows are loaded, indexed and analysed, with the database the app will
 * read. The loader writes only raw rows (the ones the app's write actions start from), with the
 * loaded tables' own triggers held off; anything derived from them — summary tables, caches — is
 * filled here, the way a restore from a backup fills it: the network's summary tables are rebuilt
 * from scratch (docs/read-models.md), as `npm run db:refresh-summaries` does, then vacuumed and
 * analysed, as autovacuum keeps the tables of a database in service (the index-only scans of the
 * read models need the visibility map a vacuum sets).
 */
export async function afterLoad(handle: DatabaseHandle): Promise<void> {
  await refreshAllSummaries(handle.db);
  for (const table of SUMMARY_TABLES) await handle.db.execute(sql.raw(`VACUUM (ANALYZE) "${table}"`));
}

export type LoadReport = { counts: Record<string, number>; seconds: Record<string, number> };

export async function loadBenchNetwork(
  url: string,
  opts: { today: string; passwordHash: string; scale: number; log?: (line: string) => void },
): Promise<LoadReport> {
  const plan = benchPlan(opts.scale, PROGRAM_CATEGORIES.length);
  const log = opts.log ?? (() => {});
  const counts: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let t0 = Date.now();
  const lap = (name: string) => {
    seconds[name] = (Date.now() - t0) / 1000;
    t0 = Date.now();
  };
  try {
    await client.query('BEGIN');
    const tables = LOADED.map((t) => getTableName(t));
    const indexes = await dropSecondaryIndexes(client, tables);
    const triggered = await disableTriggers(client, tables);
    log(`Dropped ${indexes.length} secondary indexes of the loaded tables; loading ${plan.districts} district(s).`);
    if (triggered.length)
      log(`Triggers held off during the load (afterLoad fills what they keep): ${triggered.map((t) => `${t.table} (${t.triggers})`).join(', ')}.`);
    lap('drop indexes');

    const shared = sharedRows({ today: opts.today, passwordHash: opts.passwordHash, budgetFactor: plan.budgetFactor });
    await bulkInsert(client, s.programs, shared.programmes);
    await bulkInsert(client, s.annualTargets, shared.targets);
    counts.programmes = shared.programmes.length;
    for (let d = 0; d < plan.districts; d++) {
      const rows = generateDistrict(d, { today: opts.today, programmes: shared.programmes });
      await bulkInsert(client, s.carriers, rows.carriers);
      await bulkInsert(client, s.ventures, rows.ventures);
      await bulkInsert(client, s.residencies, rows.residencies);
      await bulkInsert(client, s.graduations, rows.graduations);
      await bulkInsert(client, s.ventureReports, rows.reports);
      await bulkInsert(client, s.ventureFinancings, rows.financings);
      await bulkInsert(client, s.applications, rows.applications);
      for (const [k, v] of Object.entries(rows)) counts[k] = (counts[k] ?? 0) + v.length;
      if ((d + 1) % 10 === 0) log(`  ${d + 1} of ${plan.districts} districts loaded`);
    }
    await bulkInsert(client, s.users, shared.users);
    const operator = await client.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [BENCH_USERS.operator]);
    await bulkInsert(client, s.operatorCarriers, [{ userId: operator.rows[0]!.id, carrierId: BENCH_OPERATOR_CARRIER }]);
    for (const table of ['carriers', 'ventures', 'programs']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    lap('rows');
    await enableTriggers(client, triggered);
    await recreateIndexes(client, indexes);
    lap('indexes');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  const analyse = new pg.Client({ connectionString: url });
  await analyse.connect();
  try {
    await analyse.query('ANALYZE');
  } finally {
    await analyse.end();
  }
  lap('analyse');
  return { counts, seconds };
}
