import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listOperatorCarriers } from '@/db/queries/carriers';
import { incubationLimitAlerts, incubationLimitCounts, type LimitAlertFilter, type LimitAlertRow } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { Badge, limitTone } from '@/components/ui/badge';
import { CarrierFilter } from '@/components/ui/carrier-filter';
import { query, TabLinks } from '../graduations/_ui/tabs';
import { carrierParam, one, type Search } from '@/lib/search-params';
import { VentureCell } from '@/components/ui/venture-cell';

export async function generateMetadata() {
  return { title: (await getTranslations('incubationLimits'))('title') };
}

const FILTERS: LimitAlertFilter[] = ['all', 'due_soon', 'overdue'];

export default async function LimitsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const db = getDb();
  const today = todayInShanghai();
  const status = FILTERS.find((f) => f === one(params.status)) ?? 'all';
  const carrierId = carrierParam(one(params.carrier), scope.kind === 'carriers' ? scope.carrierIds : []);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const [{ rows, total }, counts, carriers, t, tIndustries, tLimit] = await Promise.all([
    incubationLimitAlerts(db, scope, today, { status, carrierId, page, pageSize }),
    incubationLimitCounts(db, scope, today, { carrierId }),
    listOperatorCarriers(db, scope),
    getTranslations('incubationLimits'),
    getTranslations('industries'),
    getTranslations('glossary.limitStatus'),
  ]);
  const carrier = carrierId ? String(carrierId) : undefined;
  const countOf = { all: counts.ok + counts.due_soon + counts.overdue, due_soon: counts.due_soon, overdue: counts.overdue };
  const tabs = FILTERS.map((f) => ({
    href: `/operator/limits${query({ status: f === 'all' ? undefined : f, carrier, size })}`,
    label: t(`tabs.${f}`, { count: countOf[f] }),
    current: f === status,
  }));
  const remaining = (r: LimitAlertRow) =>
    r.daysLeft === 0 ? t('endsToday') : r.daysLeft > 0 ? t('daysLeft', { days: r.daysLeft }) : t('daysOver', { days: -r.daysLeft });

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <TabLinks label={t('tabs.label')} tabs={tabs} />
      {carriers.length > 1 ? (
        <CarrierFilter
          messages="incubationLimits.filters"
          carriers={carriers}
          value={carrierId}
          hidden={{ status: status === 'all' ? undefined : status, size }}
        />
      ) : null}
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t(`empty.${status}`)}</EmptyState>
        ) : (
          <DataTable
            caption={`${t('caption')} · ${t(`tabs.${status}`, { count: total })}`}
            rows={rows}
            rowKey={(r) => r.ventureId}
            columns={[
              {
                key: 'venture',
                header: t('venture'),
                cell: (r) => <VentureCell id={r.ventureId} name={r.ventureName} creditCode={r.creditCode} />,
              },
              ...(carriers.length > 1 ? [{ key: 'carrier', header: t('carrier'), cell: (r: LimitAlertRow) => r.carrierName }] : []),
              { key: 'industry', header: t('industry'), cell: (r) => tIndustries(r.industry) },
              { key: 'started', header: t('startedOn'), cell: (r) => formatDate(r.incubationStartedOn) },
              { key: 'limit', header: t('limit'), numeric: true, cell: (r) => t('limitValue', { months: r.limitMonths }) },
              { key: 'ends', header: t('endsOn'), cell: (r) => formatDate(r.endsOn) },
              { key: 'status', header: t('status'), cell: (r) => <Badge tone={limitTone(r.status)}>{tLimit(r.status)}</Badge> },
              { key: 'remaining', header: t('remaining'), numeric: true, cell: remaining },
            ]}
          />
        )}
        <Pagination
          basePath="/operator/limits"
          params={{ status: status === 'all' ? undefined : status, carrier, size }}
          page={page}
          pageSize={pageSize}
          total={total}
        />
      </Card>
    </>
  );
}
