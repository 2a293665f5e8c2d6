import { z } from 'zod';
import { xlsxResponse } from '@/lib/server/http';
import { cellValue, CARRIER_COLUMNS, TENANT_COLUMNS, type StatColumn } from '@/lib/server/exports/statistics-columns';
import { statisticsLabels } from '@/lib/server/exports/statistics-labels';
import { getDb } from '@/db/client';
import { carrierStatistics, tenantStatistics } from '@/db/queries/network/statistics';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { buildTableExport, type ExportColumn } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

const query = z.object({
  table: z.enum(['carriers', 'tenants']),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  carrier: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

const FORMAT: Record<StatColumn<unknown>['format'], ExportColumn['format']> = { text: 'text', int: 'int', qian: 'wan', date: 'text', yesno: 'text' };

/**
 * GET ?table=carriers|tenants&year=&carrier=: one table of the Torch statistics as .xlsx, with
 * the official Chinese headings (units in the heading, money in 千元) whatever the page's
 * language, since the file goes to the statistics office as it is. Committee only.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('committee');
  if ('response' in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({ table: params.get('table'), year: params.get('year') || undefined, carrier: params.get('carrier') || undefined });
  if (!parsed.success) return Response.json({ error: 'invalid', message: 'table=carriers|tenants' }, { status: 400 });
  const today = todayInShanghai();
  const year = parsed.data.year ?? Number(today.slice(0, 4));
  const filter = { year, carrierId: parsed.data.carrier, today };
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
    parsed.data.table === 'carriers'
      ? sheet(t('sheetCarriers'), CARRIER_COLUMNS, await carrierStatistics(db, filter))
      : sheet(t('sheetTenants'), TENANT_COLUMNS, await tenantStatistics(db, filter));
  const bytes = await buildTableExport([table]);
  await auditExport(auth.user, request, table.rows.length, parsed.data.carrier ?? null);
  const title = parsed.data.table === 'carriers' ? t('fileCarriers', { year }) : t('fileTenants', { year });
  const suffix = parsed.data.carrier ? `-carrier-${parsed.data.carrier}` : '';
  return xlsxResponse(bytes, `torch-statistics-${parsed.data.table}-${year}${suffix}.xlsx`, `${title}${suffix}.xlsx`);
}
