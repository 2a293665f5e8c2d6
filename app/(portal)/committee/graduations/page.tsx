import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { carrierFilterChoices } from '@/db/queries/carriers';
import { graduationQueue, graduationYears } from '@/db/queries/graduations';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { NetworkCarrierFilter } from '@/components/ui/network-carrier-filter';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { ListEmpty } from '@/components/ui/list-empty';
import { filterField, hrefWith, one, optionalEnum, type Search } from '@/lib/search-params';
import { graduationFilterParams, parseGraduationFilters, QUEUE_STATUSES } from '@/lib/server/filters/graduations';
import { GraduationCard } from './graduation-card';

export async function generateMetadata() {
  return { title: (await getTranslations('graduationReview'))('title') };
}

const BASE = '/committee/graduations';

export default async function GraduationReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const filters = parseGraduationFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const decided = optionalEnum(['verified', 'rejected'] as const, one(params.decided));
  const db = getDb();
  const [{ rows, total }, carriers, years, t, tStatus] = await Promise.all([
    graduationQueue(db, todayInShanghai(), { ...filters, page, pageSize }),
    carrierFilterChoices(db, filters.carrierId),
    graduationYears(db),
    getTranslations('graduationReview'),
    getTranslations('glossary.graduationStatus'),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { ...graduationFilterParams(filters), size };
  const filtered = Boolean(filters.carrierId || filters.year || filters.statusParam !== 'pending');

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a
            href={hrefWith('/api/committee/export/graduations', { ...graduationFilterParams(filters), status: filters.statusParam })}
            className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            download
          >
            {t('export')}
          </a>
        }
      />
      {decided ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t(decided)}
        </p>
      ) : null}
      <Card className="mb-4">
        <FilterBar label={t('filters')} basePath={BASE} size={size} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterSelect
            label={t('status')}
            name="status"
            defaultValue={filters.statusParam}
            options={QUEUE_STATUSES.map((s) => ({ value: s, label: s === 'all' ? t('allStatuses') : tStatus(s) }))}
          />
          <NetworkCarrierFilter
            label={t('carrier')}
            choices={carriers}
            chosenId={filters.carrierId}
            empty={t('any')}
            labelOf={(c) => c.name}
            className={`${filterField} max-w-64`}
          />
          <FilterSelect
            label={t('year')}
            name="year"
            defaultValue={filters.year?.toString() ?? ''}
            empty={t('any')}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        </FilterBar>
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
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
        <section aria-label={t('caption')} className="space-y-4">
          {rows.map((g) => (
            <GraduationCard key={g.id} g={g} />
          ))}
        </section>
      )}
      {rows.length > 0 ? (
        <div className="mt-4">
          <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
        </div>
      ) : null}
    </>
  );
}
