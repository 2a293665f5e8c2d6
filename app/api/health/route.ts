import { getDatabase } from '@/db/client';
import { requestIdFrom } from '@/lib/request-id';
import { mayReadHealthDetails } from '@/lib/server/health-access';
import { readiness } from '@/lib/server/operations';

export const dynamic = 'force-dynamic';

/**
 * Liveness and readiness: 200 `{ status: 'up' }` when the database answers and every migration
 * has been applied, 503 `{ status: 'down' }` otherwise. Only the system administrator and a
 * request with the HEALTH_TOKEN (lib/server/health-access.ts) also learn why: the database mode and
 * the migration counts. docs/request-hygiene.md
 */
export async function GET(request: Request) {
  const handle = getDatabase();
  const r = await readiness(handle, requestIdFrom(request.headers));
  const status = r.ready ? 'up' : 'down';
  const details = { reason: r.ready ? undefined : r.reason, database: handle.mode, migrations: 'migrations' in r ? r.migrations : undefined };
  const body = (await mayReadHealthDetails(request)) ? { status, ...details } : { status };
  return Response.json(body, { status: r.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
