import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/table';
import type { CarrierTenantRow } from '@/db/queries/network';
import { formatDate, formatInt } from '@/lib/format';
import { DEFAULT_PAGE_SIZE } from '@/lib/paging';

/** The carrier's current tenants, one page at a time. */
export async function TenantsTable({
  carrierId,
  tenants,
  page,
  pageSize,
}: {
  carrierId: number;
  tenants: { rows: CarrierTenantRow[]; total: number };
  page: number;
  pageSize: number;
}) {
  const [t, ts, ti, tw] = await Promise.all([
    getTranslations('committeeCarriers.detail'),
    getTranslations('stages'),
    getTranslations('industries'),
    getTranslations('ventures.ruleWarnings'),
  ]);
  if (tenants.total === 0) return <EmptyState>{t('noTenants')}</EmptyState>;
  const warning = (w: string) => (tw.has(w) ? tw(w) : w);
  return (
    <>
      <DataTable<CarrierTenantRow>
        caption={t('tenantsCaption')}
        rows={tenants.rows}
        rowKey={(r) => r.ventureId}
        columns={[
          {
            key: 'venture',
            header: t('venture'),
            cell: (r) => (
              <span className="font-medium text-slate-900">
                {r.name}
                {r.kind === 'team' ? <span className="ml-1 text-xs font-normal text-slate-600">{t('team')}</span> : null}
              </span>
            ),
          },
          { key: 'stage', header: t('stage'), cell: (r) => ts(r.stage) },
          { key: 'industry', header: t('industry'), cell: (r) => ti(r.industry) },
          { key: 'entered', header: t('enteredOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.enteredOn)}</span> },
          { key: 'area', header: t('area'), numeric: true, cell: (r) => formatInt(r.areaM2) },
          { key: 'financed', header: t('financedCol'), cell: (r) => (r.financed ? t('yes') : t('no')) },
          {
            key: 'warnings',
            header: t('ruleWarnings'),
            cell: (r) =>
              r.ruleWarnings.length ? (
                <span className="flex flex-wrap gap-1">
                  {r.ruleWarnings.map((w) => (
                    <Badge key={w} tone="warn">
                      {warning(w)}
                    </Badge>
                  ))}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Pagination
        basePath={`/committee/carriers/${carrierId}`}
        params={{ size: pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize) }}
        page={page}
        pageSize={pageSize}
        total={tenants.total}
      />
    </>
  );
}
