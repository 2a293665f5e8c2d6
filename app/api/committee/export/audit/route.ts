import { auditExportFile } from '@/lib/server/audit-view/export';
import { parseAuditFilters } from '@/lib/server/audit-view/filters';
import { exportRoute } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/**
 * GET with the audit viewer's URL params: the filtered entries as .xlsx, newest first, at most
 * AUDIT_EXPORT_MAX of them (a last row says when more matched). Committee and audit administrator.
 */
export const GET = exportRoute({
  roles: ['committee', 'auditor'],
  file: ({ params, user, locale, today }) => auditExportFile(user, parseAuditFilters(params), locale, today),
});
