/**
 * `npm run db:refresh-summaries`: rebuilds the read models of the network figures
 * (docs/read-models.md) from the raw rows of DATABASE_URL (unset: the embedded database), in one
 * transaction. For after a restore, a migration that changes how a summary is computed, or a
 * bulk load that ran with the triggers switched off. The app may keep running meanwhile: writes
 * that touch the summaries wait for the rebuild to commit.
 */
import { sql } from 'drizzle-orm';
import { refreshAllSummaries, SUMMARY_TABLES } from '../db/summaries';
import { openConfiguredDatabase } from './open-configured';
import { runScript } from './run-script';

runScript(async () => {
  const handle = openConfiguredDatabase('owner');
  if (!handle) return 1;
  try {
    const started = Date.now();
    await refreshAllSummaries(handle.db);
    console.log(`Rebuilt the network summaries (${handle.mode}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    for (const table of SUMMARY_TABLES) {
      const { rows } = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
      console.log(`  ${table.padEnd(24)} ${rows[0]?.n ?? 0} rows`);
    }
    return 0;
  } finally {
    await handle.close();
  }
});
