import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { quarterGrid } from '@/db/queries/reports';
import { transferCarriers } from '@/db/queries/ventures';
import { unauditedXlsxRoute } from '@/lib/server/exports/frame';
import { jsonError } from '@/lib/server/http';
import { buildTemplate } from '@/lib/spreadsheet';
import { quarterInput } from '@/lib/validation/report';

export const dynamic = 'force-dynamic';

/**
 * GET ?kind=ventures|reports: the import template, its instructions in the user's language.
 * For reports, with carrier, year and quarter, the quarter's ventures of that carrier are
 * already listed so that only the figures remain to be typed.
 */
export const GET = unauditedXlsxRoute({
  roles: ['operator'],
  notFound: 'transfer.errors.notFound',
  file: async ({ params, locale, scope }) => {
    const kind = params.get('kind');
    const t = await getTranslations({ locale, namespace: 'transfer' });
    const file = `${t('sheet.templateFile')}.xlsx`;
    if (kind === 'ventures') {
      const carriers = await transferCarriers(getDb(), await scope());
      return {
        bytes: await buildTemplate('ventures', locale, { carriers: carriers.map((c) => c.name) }),
        asciiName: 'ventures-template.xlsx',
        utf8Name: `${t('sheet.venturesSheet')}-${file}`,
      };
    }
    if (kind !== 'reports') return jsonError(400, 'badRequest', t('errors.badRequest'));
    if (!params.get('carrier'))
      return { bytes: await buildTemplate('reports', locale), asciiName: 'reports-template.xlsx', utf8Name: `${t('sheet.reportsSheet')}-${file}` };
    const quarter = quarterInput.safeParse({ carrierId: params.get('carrier'), year: params.get('year'), quarter: params.get('quarter') });
    if (!quarter.success) return jsonError(400, 'badRequest', t('errors.badRequest'));
    const { carrierId, year, quarter: q } = quarter.data;
    const grid = await quarterGrid(getDb(), await scope(), quarter.data);
    // A venture whose quarter another carrier has filed cannot be filed here.
    const ventures = grid.filter((g) => !g.filedElsewhere).map((g) => ({ name: g.name, creditCode: g.creditCode }));
    return {
      bytes: await buildTemplate('reports', locale, { ventures }),
      asciiName: `reports-template-${carrierId}-${year}Q${q}.xlsx`,
      utf8Name: `${t('sheet.reportsSheet')}-${year}Q${q}-${t('sheet.templateFile')}.xlsx`,
    };
  },
});
