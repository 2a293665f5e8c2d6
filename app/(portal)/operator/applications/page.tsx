import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { appliedProgrammeChoices, listForOperator, type ApplicationListRow } from '@/db/queries/subsidies';
import { carrierChoices } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { applicationFilterParams, parseApplicationFilters, type ApplicationSort } from '@/lib/validation/application-filters';
import { ApplicationFilterForm } from './_ui/filter-form';
import { applicantActs, nextStepKey, StatusBadge } from './_ui/status';
import { ApplicationTabs } from './_ui/tabs';
import { SortHeader, nextDir } from '@/components/ui/sort-header';
import { hrefWith, one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('applications'))('title') };
}

/** The applications of the operator's carriers and their ventures, with what each expects of them. */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const filters = parseApplicationFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const db = getDb();
  const [{ rows, total }, carriers, programmes, t, tStatus, tNext, locale] = await Promise.all([
    listForOperator(db, scope, { ...filters, page, pageSize }),
    carrierChoices(db, scope),
    appliedProgrammeChoices(db, scope),
    getTranslations('applications'),
    getTranslations('glossary.applicationStatus'),
    getTranslations('applications.next'),
    getLocale(),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { ...applicationFilterParams(filters), size };
  const sort = filters.sort ?? 'updated';
  const dir = filters.dir ?? (sort === 'refNo' ? 'asc' : 'desc');
  const filtered = filters.status !== undefined || filters.programId !== undefined || filters.year !== undefined || filters.carrierId !== undefined;

  const sortHeader = (column: ApplicationSort, label: string) => (
    <SortHeader
      label={label}
      active={sort === column}
      dir={dir}
      href={hrefWith('/operator/applications', { ...kept, sort: column, dir: nextDir(sort === column, dir) })}
      sortedLabel={t(dir === 'asc' ? 'list.sortedAsc' : 'list.sortedDesc')}
    />
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link href="/operator/applications/programmes" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('list.openProgrammes')}
          </Link>
        }
      />
      <ApplicationTabs current="mine" />
      <Card>
        <ApplicationFilterForm filters={filters} carriers={carriers} programmes={programmes} pageSize={size ? pageSize : undefined} />
        {rows.length === 0 ? (
          <EmptyState>
            {total > 0 ? (
              <Link href={hrefWith('/operator/applications', kept)} className="text-brand-700 underline">
                {t('list.pageOutOfRange')}
              </Link>
            ) : filtered ? (
              t('list.emptyFiltered')
            ) : (
              <>
                {t('list.empty')}{' '}
                <Link href="/operator/applications/programmes" className="text-brand-700 underline">
                  {t('list.openProgrammes')}
                </Link>
              </>
            )}
          </EmptyState>
        ) : (
          <DataTable<ApplicationListRow>
            caption={t('list.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'refNo',
                header: sortHeader('refNo', t('columns.refNo')),
                cell: (r) => (
                  <Link href={`/operator/applications/${r.id}`} className="whitespace-nowrap font-mono text-brand-700 hover:underline">
                    {r.refNo}
                  </Link>
                ),
              },
              {
                key: 'programme',
                header: t('columns.programme'),
                cell: (r) => <span className="block min-w-40">{locale === 'en' ? r.programNameEn : r.programNameZh}</span>,
              },
              {
                key: 'applicant',
                header: t('columns.applicant'),
                cell: (r) => (
                  <div className="min-w-36">
                    <div>{r.ventureName ?? r.carrierName}</div>
                    {r.ventureName ? <div className="text-xs text-slate-600">{r.carrierName}</div> : null}
                  </div>
                ),
              },
              { key: 'requested', header: sortHeader('requested', t('columns.requested')), numeric: true, cell: (r) => moneyFigure(locale, r.requestedFen) },
              {
                key: 'status',
                header: t('columns.status'),
                cell: (r) => <StatusBadge status={r.status} label={tStatus(r.status)} />,
              },
              {
                key: 'next',
                header: t('columns.next'),
                cell: (r) => (
                  <span className={`block min-w-48 ${applicantActs(r.status) ? 'font-medium text-amber-900' : 'text-slate-700'}`}>
                    {tNext(nextStepKey(r.status, r.fundingMode))}
                  </span>
                ),
              },
              {
                key: 'submitted',
                header: sortHeader('submitted', t('columns.submitted')),
                cell: (r) => <span className="whitespace-nowrap">{formatDate(r.submittedAt)}</span>,
              },
              {
                key: 'updated',
                header: sortHeader('updated', t('columns.updated')),
                cell: (r) => <span className="whitespace-nowrap">{formatDate(r.updatedAt)}</span>,
              },
            ]}
          />
        )}
        <Pagination basePath="/operator/applications" params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
