import { getTranslations } from 'next-intl/server';
import { parseGraduationFilters } from '@/lib/server/filters/graduations';
import { getDb } from '@/db/client';
import { graduationQueue } from '@/db/queries/graduations';
import { formatDate } from '@/lib/format';
import { buildTableExport } from '@/lib/spreadsheet/table-export';
import { exportRoute, MAX_ROWS } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/** GET with the queue's URL params (status, carrier, year): every graduation of that list as .xlsx. Committee only. */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today }) => {
    const filters = parseGraduationFilters(params);
    const [{ rows }, t, tg, tStatus] = await Promise.all([
      graduationQueue(getDb(), today, { ...filters, page: 1, pageSize: MAX_ROWS }),
      getTranslations({ locale, namespace: 'graduationReview' }),
      getTranslations({ locale, namespace: 'graduation' }),
      getTranslations({ locale, namespace: 'glossary.graduationStatus' }),
    ]);
    const sep = tg('listSeparator');
    const bytes = await buildTableExport([
      {
        name: t('sheet'),
        columns: [
          { heading: t('venture'), width: 28 },
          { heading: t('carrier'), width: 28 },
          { heading: t('graduatedOn'), width: 12 },
          { heading: t('claimed'), width: 24 },
          { heading: t('supported'), width: 24 },
          { heading: t('status'), width: 10 },
          { heading: t('recordedBy'), width: 14 },
          { heading: t('recordedAt'), width: 12 },
          { heading: t('verifiedBy'), width: 14 },
          { heading: t('verifiedAt'), width: 12 },
          { heading: t('rejectReason'), width: 40 },
          { heading: t('evidence'), width: 40 },
        ],
        rows: rows.map((g) => [
          g.ventureName,
          g.carrierName,
          formatDate(g.graduatedOn),
          g.claimed.map((c) => tg(`criteriaShort.${c}`)).join(sep),
          g.supported.map((c) => tg(`criteriaShort.${c}`)).join(sep),
          tStatus(g.status),
          g.recordedByName,
          formatDate(g.recordedAt),
          g.verifiedByName,
          g.verifiedAt ? formatDate(g.verifiedAt) : null,
          g.rejectionReason,
          g.evidence,
        ]),
      },
    ]);
    return { bytes, rows: rows.length, asciiName: `graduations-${today}.xlsx`, utf8Name: `${t('fileName')}-${today}.xlsx` };
  },
});
