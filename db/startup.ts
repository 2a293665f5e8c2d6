import { sql } from 'drizzle-orm';
import { env } from '../lib/env';
import { AnchorKeyMissingError, startAuditAnchoring } from './anchor-schedule';
import { openDatabase, type DatabaseHandle } from './connect';
import { getDatabase } from './handle';
import { DataFolderLockedError } from './lock';
import { migrationStatus, runMigrations } from './migrate';

export class MigrationsNeedOwnerError extends Error {
  constructor(cause: unknown) {
    super(
      'Migrations are pending and the role of DATABASE_URL may not apply them. Run `npm run db:migrate` with ' +
        'DATABASE_OWNER_URL set, or give the server DATABASE_OWNER_URL (docs/database-roles.md).',
      { cause },
    );
    this.name = 'MigrationsNeedOwnerError';
  }
}

/**
 * Migrations at start: as the owner when DATABASE_OWNER_URL is set (its connection is closed
 * again at once); otherwise with DATABASE_URL, and not at all when they are already applied, so
 * that a restricted DATABASE_URL alone starts once someone migrated as the owner.
 */
async function migrateAtStart(handle: DatabaseHandle): Promise<void> {
  if (handle.mode === 'postgres' && env.databaseOwnerUrl) {
    const owner = openDatabase(env.databaseOwnerUrl);
    try {
      await runMigrations(owner);
    } finally {
      await owner.close();
    }
    return;
  }
  if (handle.mode !== 'postgres') return runMigrations(handle);
  if ((await migrationStatus(handle)).current) return;
  try {
    await runMigrations(handle);
  } catch (e) {
    const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code === '42501') throw new MigrationsNeedOwnerError(e);
    throw e;
  }
}

/**
 * Runs at server start (instrumentation.ts): applies migrations and, on the first start of
 * an empty demo database, loads the demo network; then starts anchoring the audit chain.
 */
export async function prepareDatabase(): Promise<void> {
  if (env.isBuildPhase) return;
  const handle = getDatabase();
  await migrateAtStart(handle);
  if (env.demoSeed) await seedIfEmpty(handle);
  await startAuditAnchoring(handle);
}

async function seedIfEmpty(handle: DatabaseHandle): Promise<void> {
  const res = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  if (Number(res.rows[0]?.n ?? 0) > 0) return;
  const [{ seedDemo }, bcrypt] = await Promise.all([import('./seed/demo'), import('bcryptjs')]);
  const summary = await seedDemo(handle.db, { today: new Date(), passwordHash: await bcrypt.default.hash('demo1234demo', 10) });
  console.log('Loaded the demo network:', JSON.stringify(summary));
}

/** At server start: a data folder held by another process, pending migrations the role may not apply, or a missing anchor key stop this one at once, with the reason. */
export async function prepareDatabaseOrExit(): Promise<void> {
  try {
    await prepareDatabase();
  } catch (e) {
    if (e instanceof DataFolderLockedError || e instanceof MigrationsNeedOwnerError || e instanceof AnchorKeyMissingError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
