import { getLocale, getTranslations } from 'next-intl/server';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { allCarrierChoices } from '@/db/queries/carriers';
import { carrierStatistics, statisticsYears, tenantStatistics } from '@/db/queries/network';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { isLocale } from '@/lib/i18n/config';
import { formatInt } from '@/lib/format';
import { formatQian } from '@/lib/money';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { hrefWith, one, optionalId, optionalYear, type Search } from '@/lib/search-params';
import { ChecksCard } from './checks-card';
import { CARRIER_COLUMNS, TENANT_COLUMNS } from '@/lib/server/exports/statistics-columns';
import { carrierKey, flagRows, tenantKey } from './flags';
import { statisticsLabels } from '@/lib/server/exports/statistics-labels';
import { StatisticsTable } from './statistics-table';
import '../summary/print.css';

export async function generateMetadata() {
  return { title: (await getTranslations('statistics'))('title') };
}

const BASE = '/committee/statistics';
const PAGE_SIZE = 25;
const exportLink = 'rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50';

/**
 * The annual Torch statistics of the network: the carrier operation table and the tenant table
 * for a year and one carrier or all, the logic checks over every row, and the two exports. The
 * checks need every row of the year, so the rows are read once (aggregated in SQL) and each table
 * is paged here.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const today = todayInShanghai();
  const year = optionalYear(one(params.year)) ?? Number(today.slice(0, 4));
  const carrierId = optionalId(one(params.carrier));
  const db = getDb();
  const locale = await getLocale();
  const filter = { year, carrierId, today };
  const [carriers, tenants, years, choices, { labels, yesNo, t }] = await Promise.all([
    carrierStatistics(db, filter),
    tenantStatistics(db, filter),
    statisticsYears(db, today),
    allCarrierChoices(db),
    statisticsLabels(isLocale(locale) ? locale : 'zh-CN'),
  ]);
  const flagged = flagRows(carriers, tenants, year);
  const severityOf = new Map(flagged.map((f) => [f.key, f.severity]));
  const kept = { year: String(year), carrier: carrierId?.toString() };
  const pageState = { cpage: one(params.cpage), tpage: one(params.tpage), fpage: one(params.fpage) };
  const keptWithPages = { ...kept, ...pageState };
  const revenue = tenants.reduce((s, r) => s + r.revenueFen, 0);
  const errors = flagged.filter((f) => f.severity === 'error').length;

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
          <FilterSelect
            label={t('carrier')}
            name="carrier"
            defaultValue={carrierId?.toString() ?? ''}
            empty={t('allCarriers')}
            options={choices.map((c) => ({
              value: c.id,
              label: locale === 'en' ? `${c.name} (${labels.kind(c.kind)})` : `${c.name}（${labels.kind(c.kind)}）`,
            }))}
          />
        </FilterBar>
        <p className="text-sm text-slate-600">{t('exportNote')}</p>
      </Card>

      <section aria-label={t('summaryStats')} className="mb-6">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t('statCarriers')} value={formatInt(carriers.length)} />
          <Stat label={t('statTenants')} value={formatInt(tenants.length)} />
          <Stat label={t('statFlagged')} value={formatInt(flagged.length)} hint={t('checksCount', { errors, warnings: flagged.length - errors })} />
          <Stat label={t('statRevenue')} value={formatQian(revenue)} />
        </dl>
      </section>

      <ChecksCard flagged={flagged} basePath={BASE} params={{ ...keptWithPages, fpage: undefined }} pageParam={pageState.fpage} />

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
        rows={tenants}
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
