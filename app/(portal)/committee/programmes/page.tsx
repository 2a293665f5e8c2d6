import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { programmeYears, listProgrammes, programmeBudgets, yearBudgets, type BudgetFigures, type ProgrammeBudget } from '@/db/queries/subsidies';
import type { Program } from '@/db/schema';
import { requireRole } from '@/lib/server/authz';
import { PROGRAM_STATUSES as STATUSES } from '@/lib/domain/vocabulary';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import { PROGRAM_CATEGORIES } from '@/lib/validation/subsidies';
import { Badge } from '@/components/ui/badges';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { rateText } from '@/lib/display-format';
import { hrefWith, one, optionalEnum, optionalYear, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('review.programmes'))('title') };
}

const BASE = '/committee/programmes';

type Row = Program & { budget: ProgrammeBudget | undefined };

export default async function ProgrammesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const filters = {
    year: optionalYear(one(params.year)),
    category: optionalEnum(PROGRAM_CATEGORIES, one(params.category)),
    status: optionalEnum(STATUSES, one(params.status)),
  };
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const db = getDb();
  const [{ rows, total }, years, perYear, t, tr, tStatus, locale] = await Promise.all([
    listProgrammes(db, { ...filters, page, pageSize }),
    programmeYears(db),
    yearBudgets(db, { year: filters.year }),
    getTranslations('review.programmes'),
    getTranslations('review'),
    getTranslations('glossary.programmeStatus'),
    getLocale(),
  ]);
  const budgets = await programmeBudgets(db, { programIds: rows.map((r) => r.id) });
  const byId = new Map(budgets.map((b) => [b.programId, b]));
  const list: Row[] = rows.map((r) => ({ ...r, budget: byId.get(r.id) }));
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);
  const kept = { year: filters.year?.toString(), category: filters.category, status: filters.status, size };
  const filtered = Boolean(filters.year || filters.category || filters.status);
  const money = (pick: (b: BudgetFigures) => number) => (r: Row) => (r.budget ? moneyFigure(locale, pick(r.budget)) : '—');

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`${BASE}/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t('new')}
            </Link>
            <a
              href={hrefWith('/api/committee/export/budgets', { year: filters.year?.toString() })}
              download
              className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {t('exportBudgets')}
            </a>
          </div>
        }
      />
      <Card className="mb-6">
        <FilterBar label={t('filters')} basePath={BASE} size={size} applyLabel={tr('apply')} resetLabel={tr('reset')}>
          <FilterSelect
            label={t('year')}
            name="year"
            defaultValue={filters.year?.toString() ?? ''}
            empty={tr('any')}
            options={years.map((y) => ({ value: y, label: y }))}
          />
          <FilterSelect
            label={t('category')}
            name="category"
            defaultValue={filters.category ?? ''}
            empty={tr('any')}
            options={PROGRAM_CATEGORIES.map((c) => ({ value: c, label: tr(`categories.${c}`) }))}
          />
          <FilterSelect
            label={t('status')}
            name="status"
            defaultValue={filters.status ?? ''}
            empty={tr('any')}
            options={STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
          />
        </FilterBar>
        <p className="mb-2 text-sm text-slate-600">{t('unitNote')}</p>
        {list.length === 0 ? (
          <EmptyState>{filtered || total > 0 ? t('emptyFiltered') : t('empty')}</EmptyState>
        ) : (
          <DataTable<Row>
            caption={t('caption')}
            rows={list}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'code',
                header: t('code'),
                cell: (r) => (
                  <Link
                    href={`${BASE}/${r.id}`}
                    className="whitespace-nowrap font-mono font-medium text-brand-700 hover:underline"
                    aria-label={t('edit', { code: r.code })}
                  >
                    {r.code}
                  </Link>
                ),
              },
              {
                key: 'name',
                header: t('name'),
                cell: (r) => (
                  <div className="min-w-44">
                    {locale === 'en' ? r.nameEn : r.nameZh}
                    <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-slate-600">
                      <span>{tr(`categories.${r.category}`)}</span>·<span>{tr(`applicantTypes.${r.applicantType}`)}</span>
                    </div>
                    <div className="whitespace-nowrap text-xs text-slate-600">
                      {formatDate(r.opensOn)} – {formatDate(r.closesOn)}
                    </div>
                    <div className="text-xs text-slate-600">{t('capLine', { cap: moneyFigure(locale, r.capFen) })}</div>
                  </div>
                ),
              },
              {
                key: 'mode',
                header: t('mode'),
                cell: (r) => <Badge tone={r.fundingMode === 'post_subsidy' ? 'brand' : 'neutral'}>{tr(`modes.${r.fundingMode}`)}</Badge>,
              },
              {
                key: 'status',
                header: t('status'),
                cell: (r) => <Badge tone={r.status === 'open' ? 'good' : 'neutral'}>{tStatus(r.status)}</Badge>,
              },
              { key: 'budget', header: t('colBudget'), numeric: true, cell: (r) => moneyFigure(locale, r.budgetFen) },
              { key: 'committed', header: t('colCommitted'), numeric: true, cell: money((b) => b.committedFen) },
              { key: 'paid', header: t('colPaid'), numeric: true, cell: money((b) => b.paidFen) },
              { key: 'remaining', header: t('colRemaining'), numeric: true, cell: money((b) => b.remainingFen) },
              { key: 'rate', header: t('rate'), numeric: true, cell: (r) => rateText(r.budget?.executionRate ?? null) },
              { key: 'awards', header: t('awards'), numeric: true, cell: (r) => r.budget?.awards ?? 0 },
            ]}
          />
        )}
        <Pagination basePath={BASE} params={kept} page={page} pageSize={pageSize} total={total} />
      </Card>
      <Card title={t('budgetByYear')}>
        <p className="mb-3 text-sm text-slate-600">{t('unitNote')}</p>
        {perYear.length === 0 ? (
          <EmptyState>{t('noBudgets')}</EmptyState>
        ) : (
          <DataTable
            caption={t('budgetByYear')}
            rows={perYear}
            rowKey={(r) => r.year}
            columns={[
              { key: 'year', header: t('year'), cell: (r) => r.year },
              { key: 'programmes', header: t('programmes'), numeric: true, cell: (r) => r.programmes },
              { key: 'budget', header: t('colBudget'), numeric: true, cell: (r) => moneyFigure(locale, r.budgetFen) },
              { key: 'committed', header: t('colCommitted'), numeric: true, cell: (r) => moneyFigure(locale, r.committedFen) },
              { key: 'paid', header: t('colPaid'), numeric: true, cell: (r) => moneyFigure(locale, r.paidFen) },
              { key: 'remaining', header: t('colRemaining'), numeric: true, cell: (r) => moneyFigure(locale, r.remainingFen) },
              { key: 'rate', header: t('rate'), numeric: true, cell: (r) => rateText(r.executionRate) },
              { key: 'awards', header: t('awards'), numeric: true, cell: (r) => r.awards },
            ]}
          />
        )}
      </Card>
    </>
  );
}
