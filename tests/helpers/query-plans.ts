import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Db, DatabaseHandle } from '@/db/connect';
import * as schema from '@/db/schema';

/**
 * The SQL the list queries really send: a Drizzle handle on the same PostgreSQL pool whose logger
 * keeps every statement with its parameters, so that a test can ask the planner about each one.
 */
export type CapturedQuery = { sql: string; params: unknown[] };

/** What runs a statement: a pool, a pool's client or PGlite. */
export type Queryable = { query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };

export function capturingDb(handle: DatabaseHandle): { db: Db; pool: Queryable; take: () => CapturedQuery[] } {
  const client = (handle.db as unknown as { $client: pg.Pool | PGlite }).$client;
  let captured: CapturedQuery[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ sql: query, params }) };
  const db = (handle.mode === 'postgres'
    ? drizzle({ client: client as pg.Pool, schema, logger })
    : drizzlePglite({ client: client as PGlite, schema, logger })) as unknown as Db;
  return {
    db,
    pool: client as unknown as Queryable,
    take: () => {
      const out = captured;
      captured = [];
      return out;
    },
  };
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

function walk(node: PlanNode, out: PlanNode[]): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

/** Every node of the plan PostgreSQL chooses for the statement. */
export async function planNodes(pool: Queryable, q: CapturedQuery): Promise<PlanNode[]> {
  const res = await pool.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
  const plan = (res.rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode }] | string })['QUERY PLAN'];
  return walk((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan, []);
}

/**
 * The plan with sequential scans and whole-index walks made as dear as PostgreSQL can make them,
 * on one connection: every condition an index can serve then shows as a bitmap index scan on it,
 * whatever the size of the tables.
 */
export async function planNodesByConditionIndexes(handle: DatabaseHandle, q: CapturedQuery): Promise<PlanNode[]> {
  const client = (handle.db as unknown as { $client: pg.Pool | PGlite }).$client;
  const conn = handle.mode === 'postgres' ? await (client as pg.Pool).connect() : null;
  const on = (conn ?? client) as unknown as Queryable;
  try {
    await on.query('SET enable_seqscan = off');
    await on.query('SET enable_indexscan = off');
    return await planNodes(on, q);
  } finally {
    await on.query('RESET enable_seqscan');
    await on.query('RESET enable_indexscan');
    conn?.release();
  }
}

/** The tables of `tables` the plan reads by a sequential scan. */
export async function sequentialScans(pool: Queryable, q: CapturedQuery, tables: readonly string[]): Promise<string[]> {
  const nodes = await planNodes(pool, q);
  return nodes.filter((n) => n['Node Type'] === 'Seq Scan' && tables.includes(n['Relation Name'] ?? '')).map((n) => n['Relation Name']!);
}
