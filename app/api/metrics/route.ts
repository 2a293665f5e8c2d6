import { metricsText } from '@/lib/metrics';
import { metricsAccess, poolStats } from '@/lib/server/operations';

export const dynamic = 'force-dynamic';

/**
 * The metrics in Prometheus' text format (lib/metrics.ts), for a scraper with
 * `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN set: 404, as if there were no
 * such address; a missing or wrong token: 401.
 */
export async function GET(request: Request) {
  const access = metricsAccess(request);
  const noStore = { 'Cache-Control': 'no-store' };
  if (access === 'absent') return new Response('Not found.\n', { status: 404, headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (access === 'refused') {
    return new Response('Unauthorized.\n', {
      status: 401,
      headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"' },
    });
  }
  const { body, contentType } = await metricsText(poolStats());
  return new Response(body, { status: 200, headers: { ...noStore, 'Content-Type': contentType } });
}
