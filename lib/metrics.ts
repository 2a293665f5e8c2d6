import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The portal's metrics in Prometheus' text format, served at GET /api/metrics to a request with
 * METRICS_TOKEN (app/api/metrics/route.ts). One registry per process, kept on globalThis so that
 * the server's bundles and Next's module reloading add to the same figures instead of each
 * starting its own. No `server-only` marker: command-line scripts (a summary rebuild) may
 * observe into it too.
 *
 * - `http_request_duration_seconds` (histogram; method, route, status): every request the
 *   production server answers, the route being the app's route pattern (`/operator/ventures/[id]`),
 *   never the address, so that ids do not multiply the series (lib/route-label.ts).
 * - `signin_failures_total` (counter; reason): refused sign-ins, by the reason class.
 * - `summary_rebuild_duration_seconds` (histogram; kind): rebuilds of the summary tables.
 * - `db_pool_connections` (gauge; state total, idle, waiting): the PostgreSQL pool at the time
 *   of the scrape; absent on the embedded database.
 * - prom-client's process and Node.js metrics (CPU, memory, event loop lag, handles).
 */
export type PoolStats = { total: number; idle: number; waiting: number };
export type SignInFailureReason = 'invalid' | 'unknown' | 'password' | 'inactive' | 'throttled' | 'slowed' | 'second_factor';

type Metrics = {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  signInFailures: Counter<'reason'>;
  summaryRebuild: Histogram<'kind'>;
  pool?: Gauge<'state'>;
};

const KEY = Symbol.for('incubator-portal.metrics');
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response, by route pattern.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'signin_failures_total',
      help: 'Refused sign-ins, by reason class.',
      labelNames: ['reason'],
      registers: [registry],
    }),
    summaryRebuild: new Histogram({
      name: 'summary_rebuild_duration_seconds',
      help: 'Time taken to rebuild the summary tables (full: from scratch; incremental: the periods a write touched).',
      labelNames: ['kind'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
  };
}

function metrics(): Metrics {
  holder[KEY] ??= create();
  return holder[KEY];
}

/** One answered request: its method, route pattern, status and duration. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  metrics().requestDuration.observe({ method, route, status: String(status) }, seconds);
}

/** One refused sign-in. */
export function countSignInFailure(reason: SignInFailureReason): void {
  metrics().signInFailures.inc({ reason });
}

/** One rebuild of the summary tables, in seconds. */
export function observeSummaryRebuild(seconds: number, kind: 'full' | 'incremental' = 'full'): void {
  metrics().summaryRebuild.observe({ kind }, seconds);
}

/** The text a scrape gets, with the database pool's figures of this moment when there is a pool. */
export async function metricsText(pool: PoolStats | null): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  if (pool) {
    m.pool ??= new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool: connections open (total), open and unused (idle), and queries waiting for one (waiting).',
      labelNames: ['state'],
      registers: [m.registry],
    });
    for (const [state, value] of Object.entries(pool)) m.pool.set({ state }, value);
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
