import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { reviewQueue } from '@/db/queries/subsidies';
import { formatDate } from '@/lib/format';
import { buildTableExport, moneyCell } from '@/lib/spreadsheet/table-export';
import { parseQueueFilters } from '@/lib/validation/review-filters';
import { exportRoute, MAX_ROWS } from '@/lib/server/exports/frame';

export const dynamic = 'force-dynamic';

/**
 * GET with the review queue's own URL params (programme, year, status, carrier, zone): every
 * row of that queue, not only one page, as .xlsx, in the user's language. Committee only.
 */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today, scope }) => {
    const filters = parseQueueFilters(params);
    const [{ rows }, t, tr, tStatus] = await Promise.all([
      reviewQueue(getDb(), await scope(), { ...filters, page: 1, pageSize: MAX_ROWS }, today),
      getTranslations({ locale, namespace: 'review.queue' }),
      getTranslations({ locale, namespace: 'review' }),
      getTranslations({ locale, namespace: 'glossary.applicationStatus' }),
    ]);
    const bytes = await buildTableExport([
      {
        name: t('sheet'),
        columns: [
          { heading: t('refNo'), width: 20, format: 'text' },
          { heading: t('programme'), width: 32 },
          { heading: t('year'), width: 8, format: 'int' },
          { heading: t('applicant'), width: 28 },
          { heading: t('carrier'), width: 28 },
          { heading: t('zone'), width: 14 },
          { heading: t('requested'), width: 16, format: 'wan' },
          { heading: t('status'), width: 12 },
          { heading: t('submittedAt'), width: 12 },
          { heading: t('daysWaited'), width: 10, format: 'int' },
          { heading: t('reviews'), width: 8, format: 'int' },
          { heading: t('blacklisted'), width: 10 },
        ],
        rows: rows.map((r) => [
          r.refNo,
          `${r.programCode} ${locale === 'en' ? r.programNameEn : r.programNameZh}`,
          r.year,
          r.ventureName ?? r.carrierName,
          r.carrierName,
          r.zone,
          moneyCell(locale, r.requestedFen),
          tStatus(r.status),
          formatDate(r.submittedAt),
          r.daysWaited,
          r.reviewCount,
          r.blacklisted ? tr('yes') : tr('no'),
        ]),
      },
    ]);
    return { bytes, rows: rows.length, asciiName: `review-queue-${today}.xlsx`, utf8Name: `${t('sheet')}-${today}.xlsx` };
  },
});
