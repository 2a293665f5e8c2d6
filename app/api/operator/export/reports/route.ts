import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { exportReports } from '@/db/queries/ventures/transfer-export';
import { transferCarriers } from '@/db/queries/ventures/transfer';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { quarterInput } from '@/lib/validation/report';
import { jsonError, localeOf, notFoundResponse, xlsxResponse } from '../../../../../lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * GET ?carrier=&year=&quarter=: the quarter's reports of one of the operator's carriers as .xlsx,
 * money in yuan with two decimals, in the import's columns. Another carrier is a 404.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('operator');
  if ('response' in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const locale = localeOf(request);
  const t = await getTranslations({ locale, namespace: 'transfer' });
  const parsed = quarterInput.safeParse({ carrierId: params.get('carrier'), year: params.get('year'), quarter: params.get('quarter') });
  if (!parsed.success) return jsonError(400, 'badRequest', t('errors.badRequest'));
  const { carrierId, year, quarter } = parsed.data;
  const db = getDb();
  const scope = await scopeFor(auth.user);
  try {
    const { bytes, rows } = await exportReports(db, scope, parsed.data, locale, `${year} Q${quarter}`);
    await auditExport(auth.user, request, rows, carrierId);
    const carrier = (await transferCarriers(db, scope)).find((c) => c.id === carrierId);
    const name = (locale === 'en' ? carrier?.nameEn : null) ?? carrier?.name ?? String(carrierId);
    return xlsxResponse(bytes, `reports-${carrierId}-${year}Q${quarter}.xlsx`, `${name}-${year}Q${quarter}-${t('export.reports')}.xlsx`);
  } catch (e) {
    return notFoundResponse(e, t('errors.notFound'));
  }
}
