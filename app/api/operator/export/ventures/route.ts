import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { exportVentures } from '@/db/queries/ventures';
import { exportRoute } from '@/lib/server/exports/frame';
import { parseVentureFilters } from '@/lib/validation/venture-filters';

export const dynamic = 'force-dynamic';

/**
 * GET with the ventures list's own URL params (q, carrier, stage, industry, highTech, warnings,
 * limit, sort, dir): every venture of that list, not only one page, as .xlsx in the import's
 * columns. A carrier outside the scope gives an empty list, as on the page.
 */
export const GET = exportRoute({
  roles: ['operator'],
  file: async ({ params, locale, today, scope }) => {
    const filters = parseVentureFilters(params);
    const [{ bytes, rows }, t] = await Promise.all([
      exportVentures(getDb(), await scope(), filters, today, locale),
      getTranslations({ locale, namespace: 'transfer' }),
    ]);
    return { bytes, rows, carrierId: filters.carrierId ?? null, asciiName: `ventures-${today}.xlsx`, utf8Name: `${t('export.ventures')}-${today}.xlsx` };
  },
});
