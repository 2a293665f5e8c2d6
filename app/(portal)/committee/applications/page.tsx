import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { reviewQueue, type QueueRow, programmeChoices, programmeYears } from '@/db/queries/subsidies';
import { carrierFilterChoices, carrierZones } from '@/db/queries/carriers';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { APPLICATION_STATUSES } from '@/lib/domain/workflow';
import { localName } from '@/lib/display-format';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { parseQueueFilters, queueFilterParams } from '@/lib/validation/review-filters';
import { Badge, statusTone } from '@/components/ui/badges';
import { NetworkCarrierFilter } from '@/components/ui/network-carrier-filter';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { ListEmpty } from '@/components/ui/list-empty';
import { filterField, hrefWith, one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('review.queue'))('title') };
}

const BASE = '/committee/applications';
const QUEUE_STATUSES = APPLICATION_STATUSES.filter((s) => s !== 'draft');

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('committee');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const filters = parseQueueFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const db = getDb();
  const [{ rows, total }, programmes, years, carriers, zones, t, tr, tStatus, locale] = await Promise.all([
    reviewQueue(db, scope, { ...filters, page, pageSize }, todayInShanghai()),
    programmeChoices(db),
    programmeYears(db),
    carrierFilterChoices(db, filters.carrierId),
    carrierZones(db),
    getTranslations('review.queue'),
    getTranslations('review'),
    getTranslations('glossary.applicationStatus'),
    getLocale(),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { ...queueFilterParams(filters), size };
  const filtered = Object.values(queueFilterParams(filters)).some(Boolean);
  const nameOf = (r: { nameZh: string; nameEn: string } | { programNameZh: string; programNameEn: string }) =>
    'nameZh' in r ? (locale === 'en' ? r.nameEn : r.nameZh) : locale === 'en' ? r.programNameEn : r.programNameZh;
  const exportHref = hrefWith('/api/committee/export/queue', queueFilterParams(filters));

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <a href={exportHref} className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50" download>
            {t('export')}
          </a>
        }
      />
      <Card>
        <FilterBar label={t('filters')} basePath={BASE} size={size} applyLabel={tr('apply')} resetLabel={tr('reset')}>
          <FilterSelect
            label={t('programme')}
            name="programme"
            defaultValue={filters.programId?.toString() ?? ''}
            empty={tr('any')}
            options={programmes.map((p) => ({
              value: p.id,
              label: (
                <>
                  {p.code} {nameOf(p)}
                </>
              ),
            }))}
            className={`${filterField} max-w-72`}
          />
          <FilterSelect
            label={t('year')}
            name="year"
            defaultValue={filters.year?.toString() ?? ''}
            empty={tr('any')}
            options={years.map((y) => ({ value: y, label: y }))}
          />
          <FilterSelect
            label={t('status')}
            name="status"
            defaultValue={filters.status ?? ''}
            empty={t('waiting')}
            options={QUEUE_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
          />
          <NetworkCarrierFilter
            label={t('carrier')}
            choices={carriers}
            chosenId={filters.carrierId}
            empty={tr('any')}
            labelOf={(c) => localName(locale, c)}
            className={`${filterField} max-w-60`}
          />
          <FilterSelect
            label={t('zone')}
            name="zone"
            defaultValue={filters.zone ?? ''}
            empty={tr('any')}
            options={zones.map((z) => ({ value: z, label: z }))}
          />
        </FilterBar>
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
          <DataTable<QueueRow>
            caption={t('caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'ref',
                header: t('refNo'),
                cell: (r) => (
                  <Link href={`${BASE}/${r.id}`} className="whitespace-nowrap font-mono font-medium text-brand-700 hover:underline">
                    {r.refNo}
                  </Link>
                ),
              },
              {
                key: 'programme',
                header: t('programme'),
                cell: (r) => (
                  <div className="min-w-40">
                    {nameOf(r)}
                    <div className="text-xs text-slate-600">
                      {r.programCode} · {r.year}
                    </div>
                  </div>
                ),
              },
              {
                key: 'applicant',
                header: t('applicant'),
                cell: (r) => (
                  <div className="min-w-40">
                    <div className="flex flex-wrap items-center gap-1.5">
                      <span>{r.ventureName ?? localName(locale, { name: r.carrierName, nameEn: r.carrierNameEn })}</span>
                      {r.blacklisted ? (
                        <Badge tone="bad">
                          <span title={t('blacklistedHint')}>{t('blacklisted')}</span>
                        </Badge>
                      ) : null}
                    </div>
                    <div className="text-xs text-slate-600">
                      {r.ventureName ? `${localName(locale, { name: r.carrierName, nameEn: r.carrierNameEn })} · ` : ''}
                      {r.zone}
                    </div>
                  </div>
                ),
              },
              { key: 'requested', header: t('requested'), numeric: true, cell: (r) => moneyFigure(locale, r.requestedFen) },
              { key: 'status', header: t('status'), cell: (r) => <Badge tone={statusTone(r.status)}>{tStatus(r.status)}</Badge> },
              { key: 'submitted', header: t('submittedAt'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.submittedAt)}</span> },
              { key: 'days', header: t('daysWaited'), numeric: true, cell: (r) => t('days', { days: r.daysWaited }) },
              { key: 'reviews', header: t('reviews'), numeric: true, cell: (r) => r.reviewCount },
            ]}
          />
        )}
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
