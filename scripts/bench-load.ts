/**
 * Fast bulk loading into PostgreSQL for the benchmark: secondary indexes are dropped before the
 * load and re-created after it (read from pg_indexes at load time, so indexes added by later
 * migrations are handled too; primary keys and unique constraints stay), user-defined triggers
 * are held off (foreign keys are still checked), rows go in as one
 * INSERT … SELECT FROM unnest(…) per batch (one array parameter per column, cast to the column's
 * type), and ANALYZE runs at the end. Runs outside Next, so nothing here may import 'server-only'.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';

const BATCH = 20_000;

export type DroppedIndex = { name: string; table: string; definition: string };

/** Drops the indexes of these tables that back no constraint; returns their definitions. */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<DroppedIndex[]> {
  const { rows } = await client.query<{ name: string; table: string; definition: string }>(
    `SELECT i.indexname AS name, i.tablename AS "table", i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  for (const ix of rows) await client.query(`DROP INDEX ${quoteIdent(ix.name)}`);
  return rows;
}

/** Re-creates dropped indexes from their definitions, with memory enough to sort in one pass. */
export async function recreateIndexes(client: pg.ClientBase, indexes: DroppedIndex[]): Promise<void> {
  await client.query(`SET maintenance_work_mem = '256MB'`);
  for (const ix of indexes) await client.query(ix.definition);
  await client.query('RESET maintenance_work_mem');
}

/**
 * Switches off the user-defined triggers of these tables (foreign-key checks stay on) and returns
 * the tables that had any: a row trigger maintaining a summary would run once per loaded row, so
 * the loader leaves derived tables to afterLoad instead. `enableTriggers` switches them back on.
 */
export async function disableTriggers(client: pg.ClientBase, tables: string[]): Promise<{ table: string; triggers: number }[]> {
  const { rows } = await client.query<{ table: string; triggers: number }>(
    `SELECT c.relname AS "table", count(*)::int AS triggers
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
      GROUP BY c.relname ORDER BY c.relname`,
    [tables],
  );
  for (const r of rows) await client.query(`ALTER TABLE ${quoteIdent(r.table)} DISABLE TRIGGER USER`);
  return rows;
}

export async function enableTriggers(client: pg.ClientBase, tables: { table: string }[]): Promise<void> {
  for (const r of tables) await client.query(`ALTER TABLE ${quoteIdent(r.table)} ENABLE TRIGGER USER`);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value as PostgreSQL's text input of its column's type (the cast in the INSERT parses it). */
function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The SQL type of each column of a table, as the catalogue has it now. */
async function columnTypes(client: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
       FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [quoteIdent(table)],
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

/**
 * Inserts rows (keyed as the Drizzle table's properties) in batches of INSERT … SELECT FROM
 * unnest: one text[] parameter per column, whatever the batch size.
 */
export async function bulkInsert(client: pg.ClientBase, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const types = await columnTypes(client, name);
  const cols = keys.map((k) => {
    const column = columns[k as keyof typeof columns];
    if (!column) throw new Error(`${name} has no column for ${k}.`);
    const type = types.get(column.name);
    if (!type) throw new Error(`${name}.${column.name} is not in the database.`);
    return { key: k, sqlName: quoteIdent(column.name), type };
  });
  const text = `INSERT INTO ${quoteIdent(name)} (${cols.map((c) => c.sqlName).join(', ')})
    SELECT ${cols.map((c, i) => `c${i}::${c.type}`).join(', ')}
      FROM unnest(${cols.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${cols.map((_, i) => `c${i}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await client.query(
      text,
      cols.map((c) => batch.map((row) => toText(row[c.key]))),
    );
  }
}
