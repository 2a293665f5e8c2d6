import { sql } from 'drizzle-orm';
import { env } from '../lib/env';
import { getDatabase } from './handle';
import { DataFolderLockedError } from './lock';
import { runMigrations } from './migrate';

/**
 * Runs at server start (instrumentation.ts): applies migrations and, on the first start of
 * an empty demo database, loads the demo network.
 */
export async function prepareDatabase(): Promise<void> {
  if (env.isBuildPhase) return;
  const handle = getDatabase();
  await runMigrations(handle);
  if (!env.demoSeed) return;
  const res = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  if (Number(res.rows[0]?.n ?? 0) > 0) return;
  const [{ seedDemo }, bcrypt] = await Promise.all([import('./seed/demo'), import('bcryptjs')]);
  const summary = await seedDemo(handle.db, { today: new Date(), passwordHash: await bcrypt.default.hash('demo1234demo', 10) });
  console.log('Loaded the demo network:', JSON.stringify(summary));
}

/** At server start: a data folder held by another process stops this one at once, with the reason. */
export async function prepareDatabaseOrExit(): Promise<void> {
  try {
    await prepareDatabase();
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
