import { auditExportFile } from '@/lib/server/audit-view/export';
import { parseAuditFilters } from '@/lib/server/audit-view/filters';
import { exportRoute } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/**
 * GET with the operator's audit viewer's URL params: the entries of the operator's carriers that
 * the viewer lists, as .xlsx, read as everyone involved reads them (no reviews, committee staff by
 * role only; lib/audit-audience.ts). A carrier outside the scope gives an empty file, as on the page.
 */
export const GET = exportRoute({
  roles: ['operator'],
  file: async ({ params, user, locale, today }) => {
    const filters = parseAuditFilters(params);
    return { ...(await auditExportFile(user, filters, locale, today)), carrierId: filters.carrierId ?? null };
  },
});
