import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { exportReports, transferCarriers } from '@/db/queries/ventures';
import { exportRoute } from '@/lib/server/exports/frame';
import { jsonError } from '@/lib/server/http';
import { quarterInput } from '@/lib/validation/report';

export const dynamic = 'force-dynamic';

/**
 * GET ?carrier=&year=&quarter=: the quarter's reports of one of the operator's carriers as .xlsx,
 * money in yuan with two decimals, in the import's columns. Another carrier is a 404.
 */
export const GET = exportRoute({
  roles: ['operator'],
  notFound: 'transfer.errors.notFound',
  file: async ({ params, locale, scope }) => {
    const t = await getTranslations({ locale, namespace: 'transfer' });
    const parsed = quarterInput.safeParse({ carrierId: params.get('carrier'), year: params.get('year'), quarter: params.get('quarter') });
    if (!parsed.success) return jsonError(400, 'badRequest', t('errors.badRequest'));
    const { carrierId, year, quarter } = parsed.data;
    const db = getDb();
    const own = await scope();
    const { bytes, rows } = await exportReports(db, own, parsed.data, locale, `${year} Q${quarter}`);
    const carrier = (await transferCarriers(db, own)).find((c) => c.id === carrierId);
    const name = (locale === 'en' ? carrier?.nameEn : null) ?? carrier?.name ?? String(carrierId);
    return {
      bytes,
      rows,
      carrierId,
      asciiName: `reports-${carrierId}-${year}Q${quarter}.xlsx`,
      utf8Name: `${name}-${year}Q${quarter}-${t('export.reports')}.xlsx`,
    };
  },
});
