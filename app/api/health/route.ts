import { getDatabase } from '@/db/client';
import { migrationStatus } from '@/db/migrate';
import { logger } from '@/lib/log';
import { requestIdFrom } from '@/lib/request-id';
import { mayReadHealthDetails } from '@/lib/server/health-access';

export const dynamic = 'force-dynamic';

/**
 * Liveness and readiness: 200 `{ status: 'up' }` when the database answers and every migration
 * has been applied, 503 `{ status: 'down' }` otherwise. Only the system administrator and a
 * request with the HEALTH_TOKEN (lib/server/health-access.ts) also learn why: the database mode and
 * the migration counts. docs/request-hygiene.md
 */
export async function GET(request: Request) {
  const handle = getDatabase();
  let details: Record<string, unknown>;
  let up: boolean;
  try {
    const migrations = await migrationStatus(handle);
    up = migrations.current;
    details = { reason: up ? undefined : 'migrations_pending', database: handle.mode, migrations };
  } catch (e) {
    logger().error({ err: e, requestId: requestIdFrom(request.headers) }, 'health check failed');
    up = false;
    details = { reason: 'database_unavailable', database: handle.mode };
  }
  const status = up ? 'up' : 'down';
  const body = (await mayReadHealthDetails(request)) ? { status, ...details } : { status };
  return Response.json(body, { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
