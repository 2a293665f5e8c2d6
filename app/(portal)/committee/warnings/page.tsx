import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { carrierFilterChoices } from '@/db/queries/carriers';
import { admissionWarningList, missingReportList, overdueIncubationList, warningCounts } from '@/db/queries/network';
import { WARNING_TYPES } from '@/lib/domain/network-lists';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { NetworkCarrierFilter } from '@/components/ui/network-carrier-filter';
import { FilterBar } from '@/components/ui/filter-bar';
import { filterField, hrefWith, one, type Search } from '@/lib/search-params';
import { parseWarningFilters } from '@/lib/server/filters/warnings';
import { AdmissionTable, MissingTable, OverdueTable } from './warning-tables';

export async function generateMetadata() {
  return { title: (await getTranslations('networkWarnings'))('title') };
}

const BASE = '/committee/warnings';

export default async function NetworkWarningsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const { type, carrierId } = parseWarningFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const today = todayInShanghai();
  const db = getDb();
  const [{ counts, quarter }, carriers, t, tc] = await Promise.all([
    warningCounts(db, today, carrierId),
    carrierFilterChoices(db, carrierId),
    getTranslations('networkWarnings'),
    getTranslations('committeeCarriers'),
  ]);
  const p = { carrierId, page, pageSize };
  const list =
    type === 'admission'
      ? { kind: type, ...(await admissionWarningList(db, p)) }
      : type === 'overdue'
        ? { kind: type, ...(await overdueIncubationList(db, today, p)) }
        : { kind: type, ...(await missingReportList(db, quarter, p)) };
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const carrier = carrierId?.toString();
  const kept = { type, carrier, size };
  const caption = t('caption', { type: t(`types.${type}`) });
  const quarterText = tc('quarter', quarter);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a
            href={hrefWith('/api/committee/export/warnings', { type, carrier })}
            className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            download
          >
            {t('export')}
          </a>
        }
      />
      <nav aria-label={t('tabs')} className="mb-4 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {WARNING_TYPES.map((w) => {
            const active = w === type;
            return (
              <li key={w}>
                <Link
                  href={hrefWith(BASE, { type: w, carrier, size })}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-flex items-center gap-2 rounded-t-md border px-4 py-2 text-sm font-medium ${
                    active ? 'border-slate-200 border-b-white bg-white text-brand-700' : 'border-transparent text-slate-700 hover:bg-slate-100'
                  }`}
                >
                  {t(`types.${w}`)}
                  <span className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${counts[w] > 0 ? 'bg-red-50 text-red-800' : 'bg-slate-100 text-slate-700'}`}>
                    {counts[w]}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t(`typeHints.${type}`, { quarter: quarterText })}</p>
        <FilterBar label={t('filters')} basePath={`${BASE}?type=${type}`} size={size} applyLabel={t('apply')} resetLabel={t('reset')}>
          <input type="hidden" name="type" value={type} />
          <NetworkCarrierFilter
            label={t('carrier')}
            choices={carriers}
            chosenId={carrierId}
            empty={t('any')}
            labelOf={(c) => c.name}
            className={`${filterField} max-w-72`}
          />
        </FilterBar>
        {list.rows.length === 0 ? (
          <EmptyState>
            {list.total > 0 ? (
              <Link href={hrefWith(BASE, kept)} className="text-brand-700 underline">
                {t('pageOutOfRange')}
              </Link>
            ) : (
              t(`empty.${type}`)
            )}
          </EmptyState>
        ) : list.kind === 'admission' ? (
          <AdmissionTable rows={list.rows} caption={caption} />
        ) : list.kind === 'overdue' ? (
          <OverdueTable rows={list.rows} caption={caption} />
        ) : (
          <MissingTable rows={list.rows} caption={caption} />
        )}
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={list.total} />
      </Card>
    </>
  );
}
