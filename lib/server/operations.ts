import 'server-only';
import type { DatabaseHandle } from '@/db/connect';
import { getDatabase } from '@/db/client';
import { migrationStatus, type MigrationStatus } from '@/db/migrate';
import { bearerToken, sameSecret } from './health-access';
import { env } from '../env';
import { logger } from '../log';
import type { PoolStats } from '../metrics';

/**
 * What monitoring reads of a running server: readiness (GET /api/health/ready) and the database
 * pool's use for the metrics (GET /api/metrics), and who may read the metrics.
 */
export type Readiness =
  | { ready: true; migrations: MigrationStatus }
  | { ready: false; reason: 'migrations_pending'; migrations: MigrationStatus }
  | { ready: false; reason: 'database_unavailable' };

/** A database that has not answered by then counts as unreachable, so that a probe never hangs on it. */
const READINESS_TIMEOUT_MS = 5000;

/**
 * Ready: the database answers and every migration of this build has been applied, with the
 * migration counts when the database answered. The one check behind /api/health and
 * /api/health/ready.
 */
export async function readiness(handle: DatabaseHandle, requestId?: string | null): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  try {
    const migrations = await Promise.race([migrationStatus(handle), timeout]);
    return migrations.current ? { ready: true, migrations } : { ready: false, reason: 'migrations_pending', migrations };
  } catch (e) {
    logger().warn({ err: e, requestId }, 'readiness: the database does not answer');
    return { ready: false, reason: 'database_unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The PostgreSQL pool's connections now; null on the embedded database, which has no pool. */
export function poolStats(handle: DatabaseHandle = getDatabase()): PoolStats | null {
  if (handle.mode !== 'postgres') return null;
  const pool = (handle.db as unknown as { $client?: { totalCount: number; idleCount: number; waitingCount: number } }).$client;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * Who reads /api/metrics: only a request with `Authorization: Bearer <METRICS_TOKEN>`. Without
 * METRICS_TOKEN the endpoint does not exist (404); a missing or wrong token gets 401.
 */
export function metricsAccess(request: Request, token: string | undefined = env.metricsToken): 'allowed' | 'absent' | 'refused' {
  if (token === undefined) return 'absent';
  const given = bearerToken(request);
  return given !== null && sameSecret(given, token) ? 'allowed' : 'refused';
}
