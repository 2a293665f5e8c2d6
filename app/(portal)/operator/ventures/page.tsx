import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { carrierChoices, listVentures, type VentureListRow } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { parseVentureFilters, ventureFilterParams, type VentureSort } from '@/lib/validation/venture-filters';
import { Badge, limitTone } from '@/components/ui/badge';
import { VentureFilterForm } from './_ui/filter-form';
import { SortHeader, nextDir } from '@/components/ui/sort-header';
import { hrefWith, one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('ventures'))('title') };
}

export default async function VenturesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const filters = parseVentureFilters(params);
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const db = getDb();
  const [{ rows, total }, carriers, t, tStages, tIndustries, tWarnings, tLimit] = await Promise.all([
    listVentures(db, scope, filters, { page, pageSize }, todayInShanghai()),
    carrierChoices(db, scope),
    getTranslations('ventures'),
    getTranslations('stages'),
    getTranslations('industries'),
    getTranslations('ventures.ruleWarnings'),
    getTranslations('glossary.limitStatus'),
  ]);
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { ...ventureFilterParams(filters), size };
  const sort = filters.sort ?? 'name';
  const dir = filters.dir ?? 'asc';
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'sort' && k !== 'dir' && v !== undefined);

  const sortHeader = (column: VentureSort, label: string) => (
    <SortHeader
      label={label}
      active={sort === column}
      dir={dir}
      href={hrefWith('/operator/ventures', { ...kept, sort: column, dir: nextDir(sort === column, dir) })}
      sortedLabel={t(dir === 'asc' ? 'list.sortedAsc' : 'list.sortedDesc')}
    />
  );
  const warningLabel = (w: string) => (tWarnings.has(w) ? tWarnings(w) : w);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/operator/ventures/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t('admit')}
            </Link>
            <Link
              href="/operator/ventures/admit-graduate"
              className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {t('admitGraduate')}
            </Link>
            <a
              href={hrefWith('/api/operator/export/ventures', ventureFilterParams(filters))}
              className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
              download
            >
              {t('export')}
            </a>
          </div>
        }
      />
      <Card>
        <VentureFilterForm filters={filters} carriers={carriers} pageSize={size ? pageSize : undefined} />
        {rows.length === 0 ? (
          <EmptyState>
            {total > 0 ? (
              <Link href={hrefWith('/operator/ventures', kept)} className="text-brand-700 underline">
                {t('list.pageOutOfRange')}
              </Link>
            ) : filtered ? (
              t('list.emptyFiltered')
            ) : (
              t('list.empty')
            )}
          </EmptyState>
        ) : (
          <DataTable<VentureListRow>
            caption={t('list.caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: sortHeader('name', t('columns.name')),
                cell: (r) => (
                  <div className="min-w-44">
                    <Link href={`/operator/ventures/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                      <Badge>{t(`ventureKinds.${r.kind}`)}</Badge>
                      {r.creditCode ? <span className="font-mono">{r.creditCode}</span> : null}
                    </div>
                  </div>
                ),
              },
              { key: 'industry', header: t('columns.industry'), cell: (r) => tIndustries(r.industry) },
              { key: 'stage', header: sortHeader('stage', t('columns.stage')), cell: (r) => tStages(r.stage) },
              {
                key: 'carrier',
                header: t('columns.carrier'),
                cell: (r) =>
                  r.currentCarrierName ??
                  (r.lastCarrierName ? <span className="text-slate-600">{t('list.formerCarrier', { name: r.lastCarrierName })}</span> : '—'),
              },
              {
                key: 'entered',
                header: sortHeader('entered', t('columns.entered')),
                cell: (r) => <span className="whitespace-nowrap">{formatDate(r.enteredOn)}</span>,
              },
              {
                key: 'founded',
                header: sortHeader('founded', t('columns.founded')),
                cell: (r) => <span className="whitespace-nowrap">{formatDate(r.foundedOn)}</span>,
              },
              { key: 'highTech', header: t('columns.highTech'), cell: (r) => (r.highTech ? <Badge tone="brand">{t('list.highTech')}</Badge> : '—') },
              {
                key: 'notices',
                header: t('columns.notices'),
                cell: (r) => (
                  <div className="flex flex-wrap gap-1">
                    {r.limitStatus && r.limitStatus !== 'ok' ? (
                      <Badge tone={limitTone(r.limitStatus)}>
                        {tLimit(r.limitStatus)} · {formatDate(r.limitEndsOn)}
                      </Badge>
                    ) : null}
                    {r.warnings.map((w) => (
                      <Badge key={w} tone="warn">
                        {warningLabel(w)}
                      </Badge>
                    ))}
                  </div>
                ),
              },
            ]}
          />
        )}
        <Pagination basePath="/operator/ventures" params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
