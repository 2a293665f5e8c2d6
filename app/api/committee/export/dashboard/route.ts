import { getTranslations } from 'next-intl/server';
import { parseNetworkFilter } from '@/lib/server/filters/network';
import { dashboardTables, TABLE_KEYS, type TableKey } from '@/lib/server/exports/dashboard-tables';
import { localeOf, jsonError, xlsxResponse } from '@/lib/server/http';
import { getDb } from '@/db/client';
import { networkOverview } from '@/db/queries/network/overview';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest } from '@/lib/server/authz';
import { parseIsoDate, todayInShanghai } from '@/lib/domain/dates';
import { buildTableExport, wanCell } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

/**
 * GET ?table=headline|carriers|stages|quarters|industries|targets|budget|queue|funnel with the
 * dashboard's own filters (year, zone, kind, level, industry): that table of the committee's
 * network overview as .xlsx, in the user's language. Committee only.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('committee');
  if ('response' in auth) return auth.response;
  const params = new URL(request.url).searchParams;
  const table = params.get('table') as TableKey | null;
  if (!table || !TABLE_KEYS.includes(table)) return jsonError(400, 'invalid', `table must be one of ${TABLE_KEYS.join(', ')}`);
  const today = todayInShanghai();
  const filter = parseNetworkFilter(params, parseIsoDate(today).y);
  const locale = localeOf(request);
  const tr = async (namespace: string) => getTranslations({ locale, namespace });
  const [overview, t, kinds, stages, industries, status, metrics] = await Promise.all([
    networkOverview(getDb(), filter, today),
    tr('networkDashboard'),
    tr('kinds'),
    tr('stages'),
    tr('industries'),
    tr('review.status'),
    tr('networkTargets.metrics'),
  ]);
  const metricName = (m: string) => (metrics.has(m) ? metrics(m) : m);
  const spec = dashboardTables(overview, { t, kinds, stages, industries, status, metrics: metricName, locale })[table];
  const bytes = await buildTableExport([
    {
      name: spec.caption,
      columns: spec.columns.map(({ heading, width, format }) => ({ heading, width, format })),
      rows: spec.rows.map((row) => row.map((c) => (c.f === 'wan' && typeof c.v === 'number' ? wanCell(c.v) : c.v))),
    },
  ]);
  await auditExport(auth.user, request, spec.rows.length);
  const name = `${table}-${filter.year}`;
  return xlsxResponse(bytes, `network-${name}.xlsx`, `${spec.caption}-${filter.year}.xlsx`);
}
