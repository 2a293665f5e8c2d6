import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/table';
import type { CheckSeverity } from '@/lib/domain/statistics-checks';
import { displayValue, type Labels, type StatColumn } from '@/lib/server/exports/statistics-columns';
import { pageCount } from '@/lib/paging';
import { PageLinks, pageFrom } from './page-links';

/** One of the two statistics tables: a check column, the official columns, its own pages. */
export async function StatisticsTable<R>({
  id,
  title,
  caption,
  empty,
  rows,
  columns,
  rowKey,
  severityOf,
  labels,
  yesNo,
  basePath,
  params,
  param,
  pageParam,
  pageSize,
  paged,
}: {
  id: string;
  title: string;
  caption: string;
  empty: string;
  rows: R[];
  columns: StatColumn<R>[];
  rowKey: (r: R) => string;
  severityOf: Map<string, CheckSeverity>;
  labels: Labels;
  yesNo: { yes: string; no: string };
  basePath: string;
  params: Record<string, string | undefined>;
  param: string;
  pageParam: string | undefined;
  pageSize: number;
  /** Rows already paged on the server: the page they are and the count of all rows, and whether any row of the table was flagged. */
  paged?: { page: number; total: number; anyFlagged: boolean };
}) {
  const t = await getTranslations('statistics');
  const total = paged ? paged.total : rows.length;
  const page = paged ? paged.page : pageFrom(pageParam, total, pageSize);
  const shown = paged ? rows : rows.slice((page - 1) * pageSize, page * pageSize);
  const pages = pageCount(total, pageSize);
  // The result of the logic checks leads the row, only when a row of this table was flagged.
  const flagged = paged ? paged.anyFlagged : rows.some((r) => severityOf.has(rowKey(r)));
  const check: Column<R> = {
    key: 'check',
    header: <span className="whitespace-nowrap">{t('colCheck')}</span>,
    cell: (r) => {
      const s = severityOf.get(rowKey(r));
      return s ? <Badge tone={s === 'error' ? 'bad' : 'warn'}>{t(`severity.${s}`)}</Badge> : <span className="text-slate-600">{t('checkPassed')}</span>;
    },
  };
  const table: Column<R>[] = [
    ...(flagged ? [check] : []),
    ...columns.map((c) => ({
      key: c.key,
      header: <span className="inline-block min-w-16 text-xs leading-snug">{t(`cols.${c.key}` as 'cols.revenue')}</span>,
      numeric: c.format === 'int' || c.format === 'qian',
      cell: (r: R) => <span className="whitespace-nowrap">{displayValue(c.format, c.value(r, labels), yesNo)}</span>,
    })),
  ];
  return (
    <Card title={title} className="mb-6">
      <div id={id} className="scroll-mt-4" />
      <p className="mb-2 text-sm text-slate-600">{t('unitNote')}</p>
      {total === 0 ? <EmptyState>{empty}</EmptyState> : <DataTable<R> caption={caption} rows={shown} rowKey={rowKey} columns={table} />}
      <PageLinks
        basePath={basePath}
        params={params}
        param={param}
        page={page}
        pageSize={pageSize}
        total={total}
        text={{ label: t('pagination', { table: title }), status: t('pageOf', { page, pages, total }), previous: t('previous'), next: t('next') }}
      />
    </Card>
  );
}
