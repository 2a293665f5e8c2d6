import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../connect';

/**
 * What a backup holds, read from the database's own catalogue: the tables of the public
 * schema in an order in which each table comes after the tables its foreign keys name, the
 * columns that can be written (generated columns are computed again), and the sequences.
 */
export type TableInfo = { name: string; columns: string[]; primaryKey: string[] };

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const columns = await rows<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column" FROM pg_index i
        JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND i.indisprimary ORDER BY c.relname, k.ord`,
  );
  const references = await rows<{ table: string; target: string }>(
    db,
    sql`SELECT c.relname AS "table", t.relname AS target FROM pg_constraint f
        JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class t ON t.oid = f.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND f.contype = 'f' AND f.conrelid <> f.confrelid`,
  );
  const byTable = (list: { table: string; column: string }[], name: string) => list.filter((r) => r.table === name).map((r) => r.column);
  const infos = tables.map(({ name }) => ({ name, columns: byTable(columns, name), primaryKey: byTable(keys, name) }));
  return inDependencyOrder(infos, references);
}

/** Tables sorted so that every table follows those it references (alphabetical among equals). */
export function inDependencyOrder<T extends { name: string }>(tables: T[], references: { table: string; target: string }[]): T[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const ordered: T[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => references.every((r) => r.table !== t.name || !pending.has(r.target)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...pending.keys()].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t.name);
    }
  }
  return ordered;
}

export type SequenceState = { name: string; lastValue: string; isCalled: boolean };

export async function readSequences(db: DbOrTx): Promise<SequenceState[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const out: SequenceState[] = [];
  for (const { name } of names) {
    const [s] = await rows<{ last_value: string; is_called: boolean }>(db, sql`SELECT last_value::text AS last_value, is_called FROM ${sql.identifier(name)}`);
    out.push({ name, lastValue: s!.last_value, isCalled: s!.is_called });
  }
  return out;
}

/** The migrations drizzle recorded as applied (drizzle.__drizzle_migrations), oldest first. */
export type AppliedMigration = { hash: string; createdAt: string };

export async function readAppliedMigrations(db: DbOrTx): Promise<AppliedMigration[]> {
  const [exists] = await rows<{ t: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists?.t) return [];
  return rows<AppliedMigration>(db, sql`SELECT hash, created_at::text AS "createdAt" FROM drizzle.__drizzle_migrations ORDER BY id`);
}
