import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import type { GraduationListRow } from '@/db/queries/graduations';
import { formatDate } from '@/lib/format';
import { Badge, graduationTone } from '@/components/ui/badge';
import { fileSize } from './params';

/** Graduations recorded by the operator, with the committee's verification status. */
export async function RecordsView({
  rows,
  total,
  page,
  pageSize,
  params,
  filtered,
  showCarrier,
}: {
  rows: GraduationListRow[];
  total: number;
  page: number;
  pageSize: number;
  params: Record<string, string | undefined>;
  filtered: boolean;
  showCarrier: boolean;
}) {
  const [t, tStatus] = await Promise.all([getTranslations('graduation'), getTranslations('glossary.graduationStatus')]);
  return (
    <Card>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? t('records.emptyFiltered') : t('records.empty')}</EmptyState>
      ) : (
        <DataTable
          caption={t('records.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'venture',
              header: t('records.venture'),
              cell: (r) => (
                <Link href={`/operator/ventures/${r.ventureId}`} className="font-medium text-brand-700 hover:underline">
                  {r.ventureName}
                </Link>
              ),
            },
            ...(showCarrier ? [{ key: 'carrier', header: t('records.carrier'), cell: (r: GraduationListRow) => r.carrierName }] : []),
            { key: 'date', header: t('records.graduatedOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.graduatedOn)}</span> },
            { key: 'criteria', header: t('records.criteria'), cell: (r) => r.criteria.map((c) => t(`criteriaShort.${c}`)).join(t('listSeparator')) },
            {
              key: 'status',
              header: t('records.status'),
              cell: (r) => (
                <>
                  <Badge tone={graduationTone(r.status)}>{tStatus(r.status)}</Badge>
                  {r.status === 'rejected' && r.rejectionReason ? (
                    <p className="mt-1 max-w-xs text-xs text-red-800">{t('records.reason', { reason: r.rejectionReason })}</p>
                  ) : null}
                </>
              ),
            },
            {
              key: 'files',
              header: t('records.files'),
              cell: (r) =>
                r.files.length === 0 ? (
                  <span className="text-slate-600">{t('records.noFiles')}</span>
                ) : (
                  <ul className="space-y-0.5">
                    {r.files.map((f) => (
                      <li key={f.id}>
                        <a
                          href={`/api/operator/graduation-files/${f.id}`}
                          className="text-brand-700 hover:underline"
                          aria-label={t('records.download', { name: f.fileName, size: fileSize(f.sizeBytes) })}
                        >
                          {f.fileName}
                        </a>
                      </li>
                    ))}
                  </ul>
                ),
            },
            { key: 'by', header: t('records.recordedBy'), cell: (r) => r.recordedByName ?? '—' },
          ]}
        />
      )}
      <Pagination basePath="/operator/graduations" params={params} page={page} pageSize={pageSize} total={total} />
    </Card>
  );
}
