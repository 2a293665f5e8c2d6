import { graduationFile } from '@/db/queries/graduations';
import { storedFileRoute } from '@/lib/server/exports/frame';

/**
 * Downloads one evidence file of a graduation: the operator of its carrier, or committee staff
 * verifying it. Always as an attachment with its stored type, never rendered inline; a file
 * of another carrier is 404, as is one that does not exist.
 */
export const GET = storedFileRoute({ roles: ['operator', 'committee'], entity: 'graduation_file', fallbackName: 'evidence', file: graduationFile });
