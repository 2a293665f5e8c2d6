import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db, Tx } from '../connect';
import { migrationsFolder } from '../migrate';
import { listTables } from './catalog';
import { BackupError, type Backup } from './file';
import { deferSummaries, isSummaryTable, rebuildSummaries, SUMMARY_TABLES } from '../summaries/refresh';

/** Rows are sent to the database in batches of about this many characters of JSON. */
const BATCH_CHARS = 4_000_000;

export class BackupMismatchError extends BackupError {
  constructor(reason: string) {
    super(`This backup cannot be restored by this version of the portal: ${reason}. Nothing was changed.`);
  }
}

export type RestoreSummary = { migrations: number; tables: { name: string; rows: number }[]; sequences: number };

/**
 * The migrations of this code base that the backup was taken at. A backup of an older
 * version is restored at its own schema version (the app migrates it forward on start);
 * one from a newer version, or from a different history, is refused.
 */
function migrationsOf(backup: Backup) {
  const local = readMigrationFiles({ migrationsFolder });
  const taken = backup.header.migrations;
  if (taken.length > local.length) throw new BackupMismatchError(`it has ${taken.length} migrations, this version knows ${local.length}`);
  taken.forEach((m, i) => {
    if (m.hash !== local[i]!.hash) throw new BackupMismatchError(`migration ${i + 1} differs from this version's`);
  });
  return local.slice(0, taken.length);
}

async function recreateSchema(tx: Tx, migrations: ReturnType<typeof migrationsOf>) {
  // The audit log refuses DELETE and TRUNCATE: the restore replaces the schema instead.
  await tx.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await tx.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await tx.execute(sql`CREATE SCHEMA public`);
  await tx.execute(sql`GRANT USAGE ON SCHEMA public TO PUBLIC`);
  for (const m of migrations) for (const stmt of m.sql) if (stmt.trim()) await tx.execute(sql.raw(stmt));
  await tx.execute(sql`CREATE SCHEMA drizzle`);
  await tx.execute(sql`CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
  for (const m of migrations) {
    await tx.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${m.hash}, ${m.folderMillis})`);
  }
}

async function insertRows(tx: Tx, table: string, columns: string[], rows: string[]) {
  const cols = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  for (let start = 0; start < rows.length;) {
    let end = start;
    for (let chars = 0; end < rows.length && (end === start || chars + rows[end]!.length < BATCH_CHARS); end++) chars += rows[end]!.length;
    const json = `[${rows.slice(start, end).join(',')}]`;
    await tx.execute(
      sql`INSERT INTO ${sql.identifier(table)} (${cols}) OVERRIDING SYSTEM VALUE
          SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${json}::json)`,
    );
    start = end;
  }
}

/**
 * Replaces the whole database with the backup, in one transaction: the schema is dropped and
 * built again by the migrations the backup was taken at, the rows go back table by table in
 * the order of their foreign keys, and the sequences continue where they were. If anything
 * fails, the database is left as it was.
 */
export async function restoreDatabase(db: Db, backup: Backup): Promise<RestoreSummary> {
  const migrations = migrationsOf(backup);
  return db.transaction(async (tx) => {
    await recreateSchema(tx, migrations);
    const present = new Map((await listTables(tx)).map((t, i) => [t.name, { ...t, order: i }]));
    for (const t of backup.tables) {
      const here = present.get(t.name);
      if (!here) throw new BackupMismatchError(`table ${t.name} does not exist at its schema version`);
      const unknown = t.columns.find((c) => !here.columns.includes(c));
      if (unknown) throw new BackupMismatchError(`column ${t.name}.${unknown} does not exist at its schema version`);
    }
    const ordered = [...backup.tables].sort((a, b) => present.get(a.name)!.order - present.get(b.name)!.order);
    // The summaries are sums of the other rows: rebuilt from them once they are all back
    // (docs/read-models.md), rather than restored or summed again by each batch.
    const summaries = present.has(SUMMARY_TABLES[0]);
    if (summaries) await deferSummaries(tx);
    for (const t of ordered) if (!isSummaryTable(t.name)) await insertRows(tx, t.name, t.columns, t.rows);
    if (summaries) await rebuildSummaries(tx);
    for (const s of backup.sequences) {
      await tx.execute(sql`SELECT setval(${`"${s.name.replace(/"/g, '""')}"`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
    }
    return {
      migrations: migrations.length,
      tables: backup.tables.map((t) => ({ name: t.name, rows: t.rows.length })),
      sequences: backup.sequences.length,
    };
  });
}
