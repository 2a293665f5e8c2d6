import { getTranslations } from 'next-intl/server';
import { parseNetworkFilter } from '@/lib/server/filters/network';
import { dashboardTables, TABLE_KEYS, type TableKey } from '@/lib/server/exports/dashboard-tables';
import { exportRoute } from '@/lib/server/exports/frame';
import { measureWriters } from '@/lib/server/measure';
import { jsonError } from '@/lib/server/http';
import { getDb } from '@/db/client';
import { networkOverview } from '@/db/queries/network';
import { parseIsoDate } from '@/lib/domain/dates';
import { buildTableExport, moneyCell } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

/**
 * GET ?table=headline|carriers|stages|quarters|industries|targets|budget|queue|funnel with the
 * dashboard's own filters (year, zone, kind, level, industry): that table of the committee's
 * network overview as .xlsx, in the user's language. Committee only.
 */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today }) => {
    const table = params.get('table') as TableKey | null;
    if (!table || !TABLE_KEYS.includes(table)) return jsonError(400, 'invalid', `table must be one of ${TABLE_KEYS.join(', ')}`);
    const filter = parseNetworkFilter(params, parseIsoDate(today).y);
    const tr = async (namespace: string) => getTranslations({ locale, namespace });
    const [overview, t, kinds, stages, industries, status, metrics] = await Promise.all([
      networkOverview(getDb(), filter, today),
      tr('networkDashboard'),
      tr('kinds'),
      tr('stages'),
      tr('industries'),
      tr('glossary.applicationStatus'),
      tr('networkTargets.metrics'),
    ]);
    const metricName = (m: string) => (metrics.has(m) ? metrics(m) : m);
    const { unitLabel } = await measureWriters(locale);
    const spec = dashboardTables(overview, { t, kinds, stages, industries, status, metrics: metricName, locale, unitLabel })[table];
    const bytes = await buildTableExport([
      {
        name: spec.caption,
        columns: spec.columns.map(({ heading, width, format }) => ({ heading, width, format })),
        rows: spec.rows.map((row) => row.map((c) => ((c.f === 'wan' || c.f === 'yuan') && typeof c.v === 'number' ? moneyCell(locale, c.v) : c.v))),
      },
    ]);
    return { bytes, rows: spec.rows.length, asciiName: `network-${table}-${filter.year}.xlsx`, utf8Name: `${spec.caption}-${filter.year}.xlsx` };
  },
});
