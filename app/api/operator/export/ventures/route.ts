import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { exportVentures } from '@/db/queries/ventures/transfer-export';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { parseVentureFilters } from '@/lib/validation/venture-filters';
import { localeOf, xlsxResponse } from '../../../../../lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * GET with the ventures list's own URL params (q, carrier, stage, industry, highTech, warnings,
 * limit, sort, dir): every venture of that list, not only one page, as .xlsx in the import's
 * columns. A carrier outside the scope gives an empty list, as on the page.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('operator');
  if ('response' in auth) return auth.response;
  const filters = parseVentureFilters(new URL(request.url).searchParams);
  const locale = localeOf(request);
  const today = todayInShanghai();
  const [{ bytes, rows }, t] = await Promise.all([
    exportVentures(getDb(), await scopeFor(auth.user), filters, today, locale),
    getTranslations({ locale, namespace: 'transfer' }),
  ]);
  await auditExport(auth.user, request, rows, filters.carrierId ?? null);
  return xlsxResponse(bytes, `ventures-${today}.xlsx`, `${t('export.ventures')}-${today}.xlsx`);
}
