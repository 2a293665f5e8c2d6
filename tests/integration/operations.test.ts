import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/connect';
import { runMigrations } from '@/db/migrate';
import { readiness } from '@/lib/server/operations';
import { openTestDatabase } from '../helpers/db';

/**
 * Liveness, readiness and who reads the metrics, through the real route handlers: readiness is
 * false while the database does not answer or a migration is pending; /api/metrics does not exist
 * without METRICS_TOKEN (404) and refuses a missing or wrong token (401). The latency of a real
 * request and its log line are scraped from the production server in e2e/operations.spec.ts.
 */
const served = vi.hoisted(() => ({ handle: null as DatabaseHandle | null }));
vi.mock('@/db/client', () => ({
  getDatabase: () => served.handle!,
  getDb: () => served.handle!.db,
}));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  served.handle = handle;
});
afterAll(async () => {
  await handle?.close();
});

const TOKEN = 'metrics-test-token-metrics-test-token-0001';

/** The route handler as the server would load it with this METRICS_TOKEN (lib/env reads the environment once). */
async function metricsRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv('METRICS_TOKEN', token ?? '');
  try {
    return await import('@/app/api/metrics/route');
  } finally {
    vi.unstubAllEnvs();
  }
}
const scrape = (authorization?: string) => new Request('http://portal.test/api/metrics', { headers: authorization ? { authorization } : {} });

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN, whatever the request carries', async () => {
    const { GET } = await metricsRoute(undefined);
    expect((await GET(scrape())).status).toBe(404);
    expect((await GET(scrape(`Bearer ${TOKEN}`))).status).toBe(404);
  });

  it('refuses a missing, wrong or malformed token with 401, and answers the token with the metrics', async () => {
    const { GET } = await metricsRoute(TOKEN);
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await GET(scrape(authorization));
      expect(res.status, String(authorization)).toBe(401);
      expect(await res.text()).not.toContain('http_request_duration_seconds');
    }
    const { countSignInFailure, observeSummaryRebuild } = await import('@/lib/metrics');
    countSignInFailure('password');
    observeSummaryRebuild(0.25);
    const res = await GET(scrape(`Bearer ${TOKEN}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/^signin_failures_total\{reason="password"\} [1-9]\d*$/m);
    expect(text).toMatch(/^summary_rebuild_duration_seconds_count\{kind="full"\} [1-9]\d*$/m);
    expect(text).toContain('process_cpu_seconds_total');
    // The pool's use on PostgreSQL; the embedded database has no pool.
    if (handle.mode === 'postgres') expect(text).toMatch(/^db_pool_connections\{state="total"\} [1-9]\d*$/m);
    else expect(text).not.toContain('db_pool_connections');
  });

  it('keeps one registry across module reloads', async () => {
    const first = await import('@/lib/metrics');
    first.countSignInFailure('inactive');
    vi.resetModules();
    const second = await import('@/lib/metrics');
    second.countSignInFailure('inactive');
    const { body } = await second.metricsText(null);
    expect(body).toMatch(/^signin_failures_total\{reason="inactive"\} 2$/m);
  });
});

describe('health', () => {
  it('is live without asking the database', async () => {
    const { GET } = await import('@/app/api/health/live/route');
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up' });
  });

  it('is ready when the database answers and every migration is applied', async () => {
    expect(await readiness(handle)).toMatchObject({ ready: true, migrations: { current: true } });
    const { GET } = await import('@/app/api/health/ready/route');
    const res = await GET(new Request('http://portal.test/api/health/ready'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration is pending', async () => {
    // A database one migration behind this build: the last one's record removed.
    const behind = openDatabase('memory:');
    try {
      await behind.db.execute(sql`SELECT 1`); // started, so that its start-up is not counted as an answer's wait
      expect(await readiness(behind)).toMatchObject({ ready: false, reason: 'migrations_pending' });
      await runMigrations(behind);
      expect(await readiness(behind)).toMatchObject({ ready: true });
      await behind.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`);
      expect(await readiness(behind)).toMatchObject({ ready: false, reason: 'migrations_pending' });
      served.handle = behind;
      const { GET } = await import('@/app/api/health/ready/route');
      const res = await GET(new Request('http://portal.test/api/health/ready'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending' });
      // The old health check says the same, as before.
      const health = await import('@/app/api/health/route');
      expect((await health.GET(new Request('http://portal.test/api/health'))).status).toBe(503);
    } finally {
      served.handle = handle;
      await behind.close();
    }
  });

  it('is not ready while the database does not answer', async () => {
    // Nothing listens on port 9 of this machine: every connection is refused.
    const away = openDatabase('postgres://portal@127.0.0.1:9/portal');
    try {
      expect(await readiness(away)).toEqual({ ready: false, reason: 'database_unavailable' });
      served.handle = away;
      const { GET } = await import('@/app/api/health/ready/route');
      const res = await GET(new Request('http://portal.test/api/health/ready'));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not_ready', reason: 'database_unavailable' });
      // Liveness does not depend on it.
      const live = await import('@/app/api/health/live/route');
      expect(live.GET().status).toBe(200);
    } finally {
      served.handle = handle;
      await away.close();
    }
  });
});
