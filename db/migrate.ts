import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DatabaseHandle } from './connect';
import { applicationRoleFromEnv, grantApplicationRole } from './roles';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/** Any number of app instances may start at once against one PostgreSQL: one migrates, the others wait. */
const MIGRATION_LOCK_KEY = 7_310_115;

/**
 * Applies the migrations. On PostgreSQL with a restricted application role (DATABASE_OWNER_URL
 * beside DATABASE_URL, or `applicationRole`), the handle must be the owner's, and the role's
 * grants are applied again afterwards, so that new tables are covered (docs/database-roles.md).
 */
export async function runMigrations(handle: DatabaseHandle, opts: { applicationRole?: string | null } = {}): Promise<void> {
  if (handle.mode === 'postgres') {
    const db = handle.db as unknown as NodePgDatabase;
    const pool = (db as unknown as { $client: import('pg').Pool }).$client;
    const conn = await pool.connect();
    try {
      await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(db, { migrationsFolder });
      const role = opts.applicationRole === undefined ? applicationRoleFromEnv() : opts.applicationRole;
      if (role) await grantApplicationRole(handle.db, role);
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      conn.release();
    }
    return;
  }
  await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
}

export type MigrationStatus = { applied: number; available: number; current: boolean };

export async function migrationStatus(handle: DatabaseHandle): Promise<MigrationStatus> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const available = journal.entries.length;
  const exists = await handle.db.execute<{ t: string | null }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  let applied = 0;
  if (exists.rows[0]?.t) {
    const res = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
    applied = Number(res.rows[0]?.n ?? 0);
  }
  return { applied, available, current: applied === available };
}
