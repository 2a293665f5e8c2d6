import { getDatabase } from '@/db/client';
import { requestIdFrom } from '@/lib/request-id';
import { readiness } from '@/lib/server/operations';

export const dynamic = 'force-dynamic';

/**
 * Readiness: 200 `{"status":"ready"}` when the database answers and no migration is pending;
 * otherwise 503 `{"status":"not_ready","reason":"database_unavailable" | "migrations_pending"}`,
 * so that a load balancer sends this server no requests until it can serve them.
 */
export async function GET(request: Request) {
  const r = await readiness(getDatabase(), requestIdFrom(request.headers));
  const body = r.ready ? { status: 'ready' } : { status: 'not_ready', reason: r.reason };
  return Response.json(body, { status: r.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
