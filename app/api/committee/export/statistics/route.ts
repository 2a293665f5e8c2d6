import { cellValue, CARRIER_COLUMNS, TENANT_COLUMNS, type StatColumn } from '@/lib/server/exports/statistics-columns';
import { statisticsLabels } from '@/lib/server/exports/statistics-labels';
import { exportRoute } from '@/lib/server/exports/frame';
import { getDb } from '@/db/client';
import { carrierStatistics, tenantStatistics } from '@/db/queries/network';
import { optionalEnum, optionalId, statisticsYear } from '@/lib/search-params';
import { buildTableExport, type ExportColumn } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

const FORMAT: Record<StatColumn<unknown>['format'], ExportColumn['format']> = { text: 'text', int: 'int', qian: 'wan', date: 'text', yesno: 'text' };

/**
 * GET ?table=carriers|tenants&year=&carrier=: one table of the Torch statistics as .xlsx, with
 * the official Chinese headings (units in the heading, money in 千元) whatever the page's
 * language, since the file goes to the statistics office as it is. Committee only.
 */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, today }) => {
    const kind = optionalEnum(['carriers', 'tenants'] as const, params.get('table') ?? undefined);
    if (!kind) return Response.json({ error: 'invalid', message: 'table=carriers|tenants' }, { status: 400 });
    const year = statisticsYear(params.get('year') ?? undefined, today);
    const carrierId = optionalId(params.get('carrier') ?? undefined);
    const filter = { year, carrierId, today };
    const db = getDb();
    const { labels, yesNo, t } = await statisticsLabels('zh-CN');

    function sheet<R>(name: string, columns: StatColumn<R>[], rows: R[]) {
      return {
        name,
        columns: columns.map((c) => ({ heading: t(`cols.${c.key}` as 'cols.revenue'), width: c.width, format: FORMAT[c.format] })),
        rows: rows.map((r) => columns.map((c) => cellValue(c.format, c.value(r, labels), yesNo))),
      };
    }
    const table =
      kind === 'carriers'
        ? sheet(t('sheetCarriers'), CARRIER_COLUMNS, await carrierStatistics(db, filter))
        : sheet(t('sheetTenants'), TENANT_COLUMNS, await tenantStatistics(db, filter));
    const bytes = await buildTableExport([table]);
    const title = kind === 'carriers' ? t('fileCarriers', { year }) : t('fileTenants', { year });
    const suffix = carrierId ? `-carrier-${carrierId}` : '';
    return {
      bytes,
      rows: table.rows.length,
      carrierId: carrierId ?? null,
      asciiName: `torch-statistics-${kind}-${year}${suffix}.xlsx`,
      utf8Name: `${title}${suffix}.xlsx`,
    };
  },
});
