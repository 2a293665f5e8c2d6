import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { todayInShanghai } from '@/lib/domain/dates';
import { loadBenchNetwork } from '@/scripts/bench-network';
import { openTestDatabase, postgresUrl } from '../helpers/db';
import { multiplyBenchNetwork } from '../helpers/bench-scale';
import { listCases } from '../helpers/list-plan-cases';
import { capturingDb, sequentialScans, type CapturedQuery } from '../helpers/query-plans';

/**
 * Every paged list, as the app builds it, on a network ten times the benchmark's (60,000 ventures,
 * about 590,000 reports, 30,000 applications; the benchmark operator's carrier keeps its 450
 * tenants): PostgreSQL's plan for each of its statements reads ventures, reports and applications
 * through an index, never by a sequential scan, whatever the filter, the sort or the page. The
 * plans are the server planner's, from its statistics (ANALYZE after the load). At the
 * benchmark's own size the operator's carrier is a twelfth of the network, and reading all of a
 * table is rightly cheaper there; the embedded PGlite runs the same SQL but is not the engine a
 * growing network runs on, so this file runs on PostgreSQL only.
 */
const LARGE_TABLES = ['ventures', 'venture_reports', 'applications'] as const;
const SCALE = 10;
const today = todayInShanghai();

describe.skipIf(!postgresUrl)('list query plans at the benchmark network’s size (PostgreSQL only: the plans are the server planner’s)', () => {
  let handle: DatabaseHandle & { url?: string };
  let capture: ReturnType<typeof capturingDb>;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await loadBenchNetwork(handle.url!, { today, passwordHash: 'not-used', scale: 1 });
    await multiplyBenchNetwork(handle.db, SCALE);
    capture = capturingDb(handle);
  }, 900_000);
  afterAll(async () => {
    await handle?.close();
  });

  it.each(listCases(today))('%s reads ventures, reports and applications through indexes', async (_name, run) => {
    capture.take();
    await run(capture.db);
    const queries: CapturedQuery[] = capture.take();
    expect(queries.length).toBeGreaterThan(0);
    const scans: { sql: string; tables: string[] }[] = [];
    for (const q of queries) {
      const tables = await sequentialScans(capture.pool, q, LARGE_TABLES);
      if (tables.length) scans.push({ sql: q.sql, tables });
    }
    expect(scans).toEqual([]);
  });
});
