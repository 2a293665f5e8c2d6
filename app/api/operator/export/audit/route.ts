import { auditExportFile } from '@/lib/server/audit-view/export';
import { parseAuditFilters } from '@/lib/server/audit-view/filters';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { localeOf, xlsxResponse } from '../../../../../lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * GET with the operator's audit viewer's URL params: the entries of the operator's carriers that
 * the viewer lists, as .xlsx, read as everyone involved reads them (no reviews, committee staff by
 * role only; lib/audit-audience.ts). A carrier outside the scope gives an empty file, as on the page.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('operator');
  if ('response' in auth) return auth.response;
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const today = todayInShanghai();
  const file = await auditExportFile(auth.user, filters, localeOf(request), today);
  await auditExport(auth.user, request, file.rows, filters.carrierId ?? null);
  return xlsxResponse(file.bytes, file.asciiName, file.utf8Name);
}
