import 'server-only';
import { getDb } from '@/db/client';
import type { AuthUser } from '@/db/queries/accounts';
import { writeAudit } from '@/db/audit';
import { clientIpFrom } from '../client-ip';
import { requestIdFrom } from '../request-id';

/**
 * Reading data out of the portal is a security event: every export of a list and every download
 * of an attachment or evidence file leaves an audit entry (who, from where, what, how many rows),
 * written before the file is sent. Only the administrators who read security events see them.
 */
export async function auditExport(user: AuthUser, request: Request, rows: number, carrierId: number | null = null): Promise<void> {
  const url = new URL(request.url);
  const list = url.pathname.split('/').filter(Boolean).at(-1) ?? 'export';
  const filters = url.search.length > 1 ? url.search.slice(1, 500) : null;
  await record(user, request.headers, { action: 'export', entity: 'list', entityId: list, carrierId, after: { rows, filters } });
}

export async function auditDownload(
  user: AuthUser,
  request: Request,
  entity: 'attachment' | 'graduation_file',
  id: number,
  file: { fileName: string; carrierId: number },
): Promise<void> {
  await record(user, request.headers, { action: 'download', entity, entityId: id, carrierId: file.carrierId, after: { fileName: file.fileName } });
}

async function record(user: AuthUser, headers: Headers, entry: Parameters<typeof writeAudit>[2]) {
  const actor = { userId: user.id, role: user.role, ip: clientIpFrom(headers), requestId: requestIdFrom(headers) };
  await getDb().transaction((tx) => writeAudit(tx, actor, entry));
}
