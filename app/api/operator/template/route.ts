import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { quarterGrid } from '@/db/queries/reports/reports';
import { transferCarriers } from '@/db/queries/ventures/transfer';
import { authorizeRequest, scopeFor } from '@/lib/server/authz';
import { buildTemplate } from '@/lib/spreadsheet';
import { quarterInput } from '@/lib/validation/report';
import { jsonError, localeOf, notFoundResponse, xlsxResponse } from '../../../../lib/server/http';

export const dynamic = 'force-dynamic';

/**
 * GET ?kind=ventures|reports: the import template, its instructions in the user's language.
 * For reports, with carrier, year and quarter, the quarter's ventures of that carrier are
 * already listed so that only the figures remain to be typed.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('operator');
  if ('response' in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const kind = params.get('kind');
  const locale = localeOf(request);
  const t = await getTranslations({ locale, namespace: 'transfer' });
  const scope = await scopeFor(auth.user);
  const db = getDb();

  if (kind === 'ventures') {
    const carriers = await transferCarriers(db, scope);
    const bytes = await buildTemplate('ventures', locale, { carriers: carriers.map((c) => c.name) });
    return xlsxResponse(bytes, 'ventures-template.xlsx', `${t('sheet.venturesSheet')}-${t('sheet.templateFile')}.xlsx`);
  }
  if (kind !== 'reports') return jsonError(400, 'badRequest', t('errors.badRequest'));
  if (!params.get('carrier')) {
    const bytes = await buildTemplate('reports', locale);
    return xlsxResponse(bytes, 'reports-template.xlsx', `${t('sheet.reportsSheet')}-${t('sheet.templateFile')}.xlsx`);
  }
  const quarter = quarterInput.safeParse({ carrierId: params.get('carrier'), year: params.get('year'), quarter: params.get('quarter') });
  if (!quarter.success) return jsonError(400, 'badRequest', t('errors.badRequest'));
  const { carrierId, year, quarter: q } = quarter.data;
  try {
    const grid = await quarterGrid(db, scope, quarter.data);
    const bytes = await buildTemplate('reports', locale, {
      // A venture whose quarter another carrier has filed cannot be filed here.
      ventures: grid.filter((g) => !g.filedElsewhere).map((g) => ({ name: g.name, creditCode: g.creditCode })),
    });
    return xlsxResponse(bytes, `reports-template-${carrierId}-${year}Q${q}.xlsx`, `${t('sheet.reportsSheet')}-${year}Q${q}-${t('sheet.templateFile')}.xlsx`);
  } catch (e) {
    return notFoundResponse(e, t('errors.notFound'));
  }
}
