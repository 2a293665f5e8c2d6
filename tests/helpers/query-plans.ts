import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db, DatabaseHandle } from '@/db/connect';
import * as schema from '@/db/schema';

/**
 * The SQL the list queries really send: a Drizzle handle on the same PostgreSQL pool whose logger
 * keeps every statement with its parameters, so that a test can ask the planner about each one.
 */
export type CapturedQuery = { sql: string; params: unknown[] };

export function capturingDb(handle: DatabaseHandle): { db: Db; pool: pg.Pool; take: () => CapturedQuery[] } {
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  let captured: CapturedQuery[] = [];
  const db = drizzle({
    client: pool,
    schema,
    logger: { logQuery: (query, params) => void captured.push({ sql: query, params }) },
  }) as unknown as Db;
  return {
    db,
    pool,
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
export async function planNodes(pool: pg.Pool, q: CapturedQuery): Promise<PlanNode[]> {
  const res = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
  return walk(res.rows[0]!['QUERY PLAN'][0].Plan, []);
}

/** The tables of `tables` the plan reads by a sequential scan. */
export async function sequentialScans(pool: pg.Pool, q: CapturedQuery, tables: readonly string[]): Promise<string[]> {
  const nodes = await planNodes(pool, q);
  return nodes.filter((n) => n['Node Type'] === 'Seq Scan' && tables.includes(n['Relation Name'] ?? '')).map((n) => n['Relation Name']!);
}
