import { auditExportFile } from '@/lib/server/audit-view/export';
import { parseAuditFilters } from '@/lib/server/audit-view/filters';
import { committeeListExport } from '../_shared';

export const dynamic = 'force-dynamic';

/**
 * GET with the audit viewer's URL params: the filtered entries as .xlsx, newest first, at most
 * AUDIT_EXPORT_MAX of them (a last row says when more matched). Committee and audit administrator.
 */
export async function GET(request: Request) {
  return committeeListExport(request, parseAuditFilters, ({ filters, locale, today, user }) => auditExportFile(user, filters, locale, today), ['committee', 'auditor']);
}
