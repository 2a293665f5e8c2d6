import { attachmentFile } from '@/db/queries/subsidies';
import { storedFileRoute } from '@/lib/server/exports/frame';

/**
 * Downloads one document of a subsidy application: an operator of its carrier, or committee
 * staff. Always as an attachment with its stored type, never rendered inline; a file of
 * another carrier is 404, as is one that does not exist.
 */
export const GET = storedFileRoute({ roles: ['operator', 'committee'], entity: 'attachment', fallbackName: 'attachment', file: attachmentFile });
