import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import type { GraduationCandidate } from '@/db/queries/graduations';
import { Badge } from '@/components/ui/badge';
import { MetCriteria } from './figures';
import { VentureCell } from '@/components/ui/venture-cell';

/** The candidates: tenants meeting at least one criterion, with the figures behind it. */
export async function CandidatesView({
  rows,
  total,
  page,
  pageSize,
  params,
  showCarrier,
}: {
  rows: GraduationCandidate[];
  total: number;
  page: number;
  pageSize: number;
  params: Record<string, string | undefined>;
  showCarrier: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations('graduation'), getLocale()]);
  return (
    <Card>
      {rows.length === 0 ? (
        <EmptyState>{t('candidates.empty')}</EmptyState>
      ) : (
        <DataTable
          caption={t('candidates.caption')}
          rows={rows}
          rowKey={(r) => r.ventureId}
          columns={[
            {
              key: 'venture',
              header: t('candidates.venture'),
              cell: (r) => <VentureCell id={r.ventureId} name={r.ventureName} creditCode={r.creditCode} />,
            },
            ...(showCarrier ? [{ key: 'carrier', header: t('candidates.carrier'), cell: (r: GraduationCandidate) => r.carrierName }] : []),
            {
              key: 'criteria',
              header: t('candidates.criteria'),
              cell: (r) => (
                <span className="flex flex-wrap gap-1">
                  {r.criteria.map((c) => (
                    <Badge key={c} tone="good">
                      {t(`criteriaShort.${c}`)}
                    </Badge>
                  ))}
                </span>
              ),
            },
            { key: 'figures', header: t('candidates.figures'), cell: (r) => <MetCriteria t={t} criteria={r.criteria} figures={r.figures} locale={locale} /> },
            {
              key: 'actions',
              header: t('candidates.actions'),
              cell: (r) => (
                <Link
                  href={`/operator/graduations/record/${r.ventureId}`}
                  aria-label={t('candidates.recordFor', { name: r.ventureName })}
                  className="inline-block whitespace-nowrap rounded-md border border-brand-600 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t('candidates.record')}
                </Link>
              ),
            },
          ]}
        />
      )}
      <Pagination basePath="/operator/graduations" params={params} page={page} pageSize={pageSize} total={total} />
    </Card>
  );
}
