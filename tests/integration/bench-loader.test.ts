import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/connect';
import { runMigrations } from '@/db/migrate';
import { loadBenchNetwork } from '../../scripts/bench-network';
import { postgresUrl } from '../helpers/db';

/**
 * The benchmark's loader on PostgreSQL (it writes through node-postgres, so PGlite skips this):
 * it loads one district, puts back every index it dropped — including one no migration knows —
 * and keeps the written tables' own triggers off during the load and on afterwards.
 */
const name = `portal_bench_${randomBytes(6).toString('hex')}`;
let url = '';
let client: pg.Client;

const indexes = async () =>
  (await client.query<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`)).rows;

describe.skipIf(!postgresUrl)('the benchmark loader', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(postgresUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    const handle = openDatabase(url);
    await runMigrations(handle);
    await handle.close();
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('loads a district and leaves the indexes and triggers as it found them', async () => {
    await client.query(`CREATE INDEX bench_test_reports_tax_idx ON venture_reports (tax_fen) WHERE tax_fen > 0`);
    await client.query(`CREATE TABLE bench_test_seen (n int)`);
    await client.query(`CREATE FUNCTION bench_test_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO bench_test_seen VALUES (1); RETURN NEW; END $$`);
    await client.query(`CREATE TRIGGER bench_test_reports AFTER INSERT ON venture_reports FOR EACH ROW EXECUTE FUNCTION bench_test_count()`);
    const before = await indexes();
    expect(before.map((i) => i.name)).toContain('bench_test_reports_tax_idx');

    const { counts } = await loadBenchNetwork(url, { scale: 1, today: '2026-06-15', passwordHash: 'x' });

    expect(await indexes()).toEqual(before);
    const { rows } = await client.query<{ reports: number; ventures: number; carriers: number; seen: number; enabled: string }>(`SELECT
      (SELECT count(*)::int FROM venture_reports) AS reports, (SELECT count(*)::int FROM ventures) AS ventures,
      (SELECT count(*)::int FROM carriers) AS carriers, (SELECT count(*)::int FROM bench_test_seen) AS seen,
      (SELECT tgenabled FROM pg_trigger WHERE tgname = 'bench_test_reports') AS enabled`);
    expect(rows[0]).toEqual({ reports: counts.reports, ventures: 6_000, carriers: 150, seen: 0, enabled: 'O' });
    expect(counts.reports).toBeGreaterThan(50_000);
    // Serial ids go on after the loaded ones.
    const next = await client.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('carriers', 'id'))::int AS id`);
    expect(next.rows[0]!.id).toBe(151);
  });
});
