import { getDb } from '@/db/client';
import { graduationFile } from '@/db/queries/graduations/candidates';
import { auditDownload } from '@/lib/server/access-audit';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { DomainError } from '@/lib/errors';
import { fileDownload } from '@/lib/evidence-files';

/**
 * Downloads one evidence file of a graduation: the operator of its carrier, or committee staff
 * verifying it. Always as an attachment with its stored type, never rendered inline; a file
 * of another carrier is 404, as is one that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest('operator', 'committee');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  const notFound = () => Response.json({ error: 'notFound' }, { status: 404 });
  if (!/^\d{1,9}$/.test(id)) return notFound();
  try {
    const file = await graduationFile(getDb(), await scopeFor(auth.user), Number(id));
    await auditDownload(auth.user, request, 'graduation_file', file.id, file);
    return fileDownload(file, `evidence-${file.id}`);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') return notFound();
    throw e;
  }
}
