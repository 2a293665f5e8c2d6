import { getLocale, getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carrierFilterChoices } from '@/db/queries/carriers';
import { carrierStatistics, statisticsYears, tenantStatisticsView } from '@/db/queries/network';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { isLocale } from '@/lib/i18n/config';
import type { CheckSeverity } from '@/lib/domain/statistics-checks';
import { formatInt } from '@/lib/format';
import { formatQian } from '@/lib/money';
import { NetworkCarrierFilter } from '@/components/ui/network-carrier-filter';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { hrefWith, one, optionalId, statisticsYear, type Search } from '@/lib/search-params';
import { CHECKS_PAGE_SIZE, ChecksCard } from './checks-card';
import { CARRIER_COLUMNS, TENANT_COLUMNS } from '@/lib/server/exports/statistics-columns';
import { carrierKey, flagCarriers, flaggedPage, tenantKey } from './flags';
import { statisticsLabels } from '@/lib/server/exports/statistics-labels';
import { StatisticsTable } from './statistics-table';
import '../summary/print.css';

export async function generateMetadata() {
  return { title: (await getTranslations('statistics'))('title') };
}

const BASE = '/committee/statistics';
const PAGE_SIZE = 25;
/** A page number from its search param; anything else is the first page (the query clamps it to the last). */
const wantedPage = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
};
const exportLink = 'rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50';

/**
 * The annual Torch statistics of the network: the carrier operation table and the tenant table
 * for a year and one carrier or all, the logic checks over every row, and the two exports. The
 * carrier table (one row a carrier) is read whole and checked here; the tenant table is checked,
 * totalled and paged in SQL in one pass over the year's stays, which also gives the flagged
 * tenants on the shown page of the checks list.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const today = todayInShanghai();
  const year = statisticsYear(one(params.year), today);
  const carrierId = optionalId(one(params.carrier));
  const db = getDb();
  const locale = await getLocale();
  const filter = { year, carrierId, today };
  const pageState = { cpage: one(params.cpage), tpage: one(params.tpage), fpage: one(params.fpage) };
  const [carriers, years, choices, { labels, yesNo, t }] = await Promise.all([
    carrierStatistics(db, filter),
    statisticsYears(db, today),
    carrierFilterChoices(db, carrierId),
    statisticsLabels(isLocale(locale) ? locale : 'zh-CN'),
  ]);
  const flaggedCarriers = flagCarriers(carriers);
  const tenants = await tenantStatisticsView(db, filter, {
    page: wantedPage(pageState.tpage),
    pageSize: PAGE_SIZE,
    flaggedPage: wantedPage(pageState.fpage),
    flaggedPageSize: CHECKS_PAGE_SIZE,
    carrierErrors: flaggedCarriers.filter((c) => c.severity === 'error').length,
    carrierWarnings: flaggedCarriers.filter((c) => c.severity === 'warning').length,
  });
  const flagged = flaggedPage(flaggedCarriers, tenants, CHECKS_PAGE_SIZE);
  const severityOf = new Map<string, CheckSeverity>(flaggedCarriers.map((f) => [f.key, f.severity]));
  for (const r of tenants.rows) if (r.severity) severityOf.set(tenantKey(r), r.severity);
  const kept = { year: String(year), carrier: carrierId?.toString() };
  const keptWithPages = { ...kept, ...pageState };
  const errors = flagged.errors;

  return (
    <div className="print-sheet print-wide">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <div className="print-controls flex flex-wrap gap-2">
            <a href={hrefWith('/api/committee/export/statistics', { table: 'carriers', ...kept })} download className={exportLink}>
              {t('exportCarriers')}
            </a>
            <a href={hrefWith('/api/committee/export/statistics', { table: 'tenants', ...kept })} download className={exportLink}>
              {t('exportTenants')}
            </a>
          </div>
        }
      />
      <Card className="mb-6">
        <FilterBar label={t('filters')} basePath={BASE} size={undefined} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterSelect label={t('year')} name="year" defaultValue={String(year)} options={years.map((y) => ({ value: y, label: y }))} />
          <NetworkCarrierFilter
            label={t('carrier')}
            choices={choices}
            chosenId={carrierId}
            empty={t('allCarriers')}
            labelOf={(c) => (locale === 'en' ? `${c.name} (${labels.kind(c.kind)})` : `${c.name}（${labels.kind(c.kind)}）`)}
          />
        </FilterBar>
        <p className="text-sm text-slate-600">{t('exportNote')}</p>
      </Card>

      <section aria-label={t('summaryStats')} className="mb-6">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('statCarriers')} value={formatInt(carriers.length)} />
          <Stat label={t('statTenants')} value={formatInt(tenants.total)} />
          <Stat label={t('statFlagged')} value={formatInt(flagged.total)} hint={t('checksCount', { errors, warnings: flagged.total - errors })} />
          <Stat label={t('statRevenue')} value={formatQian(tenants.revenueFen)} />
        </dl>
      </section>

      <ChecksCard flagged={flagged} basePath={BASE} params={{ ...keptWithPages, fpage: undefined }} />

      <StatisticsTable
        id="carriers"
        title={t('carriersTitle')}
        caption={t('carriersCaption', { year })}
        empty={t('carriersEmpty')}
        rows={carriers}
        columns={CARRIER_COLUMNS}
        rowKey={carrierKey}
        severityOf={severityOf}
        labels={labels}
        yesNo={yesNo}
        basePath={BASE}
        params={{ ...keptWithPages, cpage: undefined }}
        param="cpage"
        pageParam={pageState.cpage}
        pageSize={PAGE_SIZE}
      />
      <StatisticsTable
        id="tenants"
        title={t('tenantsTitle')}
        caption={t('tenantsCaption', { year })}
        empty={t('tenantsEmpty')}
        rows={tenants.rows}
        columns={TENANT_COLUMNS}
        rowKey={tenantKey}
        severityOf={severityOf}
        labels={labels}
        yesNo={yesNo}
        basePath={BASE}
        params={{ ...keptWithPages, tpage: undefined }}
        param="tpage"
        pageParam={pageState.tpage}
        pageSize={PAGE_SIZE}
        paged={{ page: tenants.page, total: tenants.total, anyFlagged: tenants.errors + tenants.warnings > 0 }}
      />

      <Card title={t('noDataTitle')}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('noDataCarriers')}</li>
          <li>{t('noDataTenants')}</li>
        </ul>
      </Card>
    </div>
  );
}
