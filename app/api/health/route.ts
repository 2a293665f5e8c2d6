import { getDatabase } from '@/db/client';
import { migrationStatus } from '@/db/migrate';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: the database mode, and whether every migration has been applied. */
export async function GET() {
  const handle = getDatabase();
  try {
    const migrations = await migrationStatus(handle);
    return Response.json(
      { status: migrations.current ? 'ok' : 'migrations_pending', database: handle.mode, migrations },
      { status: migrations.current ? 200 : 503 },
    );
  } catch (e) {
    console.error('Health check failed', e);
    return Response.json({ status: 'database_unavailable', database: handle.mode }, { status: 503 });
  }
}
