import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { nationalChecksOf, listNetworkCarriers, type CarrierListRow } from '@/db/queries/network';
import { carrierZones } from '@/db/queries/carriers';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatInt } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { FilterBar, FilterField, FilterSelect } from '@/components/ui/filter-bar';
import { rateText, localName } from '@/lib/display-format';
import { ListEmpty } from '@/components/ui/list-empty';
import { filterField, hrefWith, one, type Search } from '@/lib/search-params';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '@/lib/domain/vocabulary';
import { carrierFilterParams, parseCarrierFilters } from '@/lib/server/filters/carriers';
import { SortHeader } from './_ui/sort-header';
import { WarningBadges } from './_ui/warning-badges';

export async function generateMetadata() {
  return { title: (await getTranslations('committeeCarriers'))('title') };
}

const BASE = '/committee/carriers';

export default async function CommitteeCarriersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const filters = parseCarrierFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const today = todayInShanghai();
  const db = getDb();
  const [{ rows, total, quarter }, zones, t, tKinds, tLevels, tStatus, locale] = await Promise.all([
    listNetworkCarriers(db, today, { ...filters, page, pageSize }),
    carrierZones(db),
    getTranslations('committeeCarriers'),
    getTranslations('kinds'),
    getTranslations('levels'),
    getTranslations('glossary.carrierStatus'),
    getLocale(),
  ]);
  const checks = await nationalChecksOf(db, rows, today);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { ...carrierFilterParams(filters), size };
  const filtered = Object.entries(carrierFilterParams(filters)).some(([k, v]) => k !== 'sort' && k !== 'dir' && v);
  const sort = filters.sort ?? 'name';
  const dir = filters.dir ?? 'asc';
  const header = (column: string, label: string) => (
    <SortHeader
      basePath={BASE}
      params={kept}
      column={column}
      label={label}
      sort={sort}
      dir={dir}
      sortedAsc={t('sortedAsc')}
      sortedDesc={t('sortedDesc')}
      firstDir={column === 'name' ? 'asc' : 'desc'}
    />
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a
            href={hrefWith('/api/committee/export/carriers', carrierFilterParams(filters))}
            className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            download
          >
            {t('export')}
          </a>
        }
      />
      <Card>
        <FilterBar label={t('filters')} basePath={BASE} size={size} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterField label={t('search')}>
            <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={100} className={`${filterField} w-48`} />
          </FilterField>
          <FilterSelect
            label={t('kind')}
            name="kind"
            defaultValue={filters.kind ?? ''}
            empty={t('any')}
            options={CARRIER_KINDS.map((k) => ({ value: k, label: tKinds(k) }))}
          />
          <FilterSelect
            label={t('level')}
            name="level"
            defaultValue={filters.level ?? ''}
            empty={t('any')}
            options={CARRIER_LEVELS.map((l) => ({ value: l, label: tLevels(l) }))}
          />
          <FilterSelect label={t('zone')} name="zone" defaultValue={filters.zone ?? ''} empty={t('any')} options={zones.map((z) => ({ value: z, label: z }))} />
          <FilterSelect
            label={t('status')}
            name="status"
            defaultValue={filters.status ?? ''}
            empty={t('any')}
            options={CARRIER_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
          />
          <FilterSelect
            label={t('warnings')}
            name="warnings"
            defaultValue={filters.warnings ? '1' : ''}
            empty={t('any')}
            options={[{ value: '1', label: t('onlyWarnings') }]}
          />
          {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
          {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        </FilterBar>
        <p className="mb-3 text-xs text-slate-600">{t('definitions', { quarter: t('quarter', quarter) })}</p>
        {rows.length === 0 ? (
          <ListEmpty
            total={total}
            filtered={filtered}
            firstPage={hrefWith(BASE, kept)}
            pageOutOfRange={t('pageOutOfRange')}
            emptyFiltered={t('emptyFiltered')}
            empty={t('empty')}
          />
        ) : (
          <DataTable<CarrierListRow>
            caption={t('caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: header('name', t('columns.name')),
                cell: (r) => (
                  <div className="min-w-48">
                    <Link href={`${BASE}/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {localName(locale, r)}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-slate-600">
                      <Badge>{tKinds(r.kind)}</Badge>
                      {r.level !== 'none' ? <Badge tone="brand">{tLevels(r.level)}</Badge> : null}
                      {r.status !== 'active' ? <Badge tone="warn">{tStatus(r.status)}</Badge> : null}
                      <span>{r.zone}</span>
                    </div>
                  </div>
                ),
              },
              { key: 'tenants', header: header('tenants', t('columns.tenants')), numeric: true, cell: (r) => formatInt(r.tenants) },
              {
                key: 'occupancy',
                header: header('occupancy', t('columns.occupancy')),
                numeric: true,
                cell: (r) => (
                  <>
                    <div>{rateText(r.occupancy)}</div>
                    <div className="whitespace-nowrap text-xs text-slate-600">
                      {t('occupied', { area: formatInt(r.occupiedAreaM2), total: formatInt(r.incubationAreaM2) })}
                    </div>
                  </>
                ),
              },
              {
                key: 'graduates',
                header: header('graduates', t('columns.graduates')),
                numeric: true,
                cell: (r) => (
                  <>
                    <div>{formatInt(r.graduates)}</div>
                    {r.pendingGraduations > 0 ? (
                      <div className="whitespace-nowrap text-xs text-slate-600">{t('pendingGraduations', { count: r.pendingGraduations })}</div>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'financing',
                header: header('financing', t('columns.financing')),
                numeric: true,
                cell: (r) => (
                  <>
                    <div>{rateText(r.financingRate)}</div>
                    <div className="whitespace-nowrap text-xs text-slate-600">{t('financed', { financed: r.financedTenants, tenants: r.tenants })}</div>
                  </>
                ),
              },
              {
                key: 'timeliness',
                header: header('timeliness', t('columns.timeliness')),
                numeric: true,
                cell: (r) => (
                  <>
                    <div>{rateText(r.timeliness)}</div>
                    <div className="whitespace-nowrap text-xs text-slate-600">
                      {t('reportsFiled', { filed: r.filedReports, expected: r.expectedReports })}
                      {r.lateReports > 0 ? ` · ${t('lateReports', { count: r.lateReports })}` : ''}
                    </div>
                  </>
                ),
              },
              { key: 'warnings', header: header('warnings', t('columns.warnings')), cell: (r) => <WarningBadges carrier={r} /> },
              {
                key: 'national',
                header: t('columns.national'),
                cell: (r) => {
                  const c = checks.get(r.id);
                  if (!c) return <span className="text-slate-600">{t('notApplicable')}</span>;
                  return (
                    <Badge tone={c.check.eligible ? 'good' : 'neutral'}>
                      {t('nationalPassed', { passed: c.check.passed, total: c.check.criteria.length })}
                    </Badge>
                  );
                },
              },
            ]}
          />
        )}
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
