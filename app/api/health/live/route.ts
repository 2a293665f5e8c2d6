export const dynamic = 'force-dynamic';

/**
 * Liveness: the process is up and answers, whatever the database does (a load balancer or an
 * orchestrator restarts a process that stops answering here; it does not restart one whose
 * database is away, which /api/health/ready tells).
 */
export function GET() {
  return Response.json({ status: 'up' }, { headers: { 'Cache-Control': 'no-store' } });
}
