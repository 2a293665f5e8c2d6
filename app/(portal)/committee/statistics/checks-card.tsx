import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/table';
import type { FlaggedRow } from './flags';
import { pageCount } from '@/lib/paging';
import { PageLinks } from './page-links';

export const CHECKS_PAGE_SIZE = 20;

/** The rows the logic checks flagged, with the reasons, before anything is exported. */
export async function ChecksCard({
  flagged,
  basePath,
  params,
}: {
  /** The page of flagged rows shown, with the count of all flagged rows and of those with an error. */
  flagged: { rows: FlaggedRow[]; total: number; errors: number; page: number };
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const t = await getTranslations('statistics');
  const { page, rows: shown, total, errors } = flagged;
  const pages = pageCount(total, CHECKS_PAGE_SIZE);
  return (
    <Card title={t('checksTitle')} className="mb-6">
      {total === 0 ? (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t('checksNone')}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {t('checksIntro')} <strong>{t('checksCount', { errors, warnings: total - errors })}</strong>
          </p>
          <DataTable<FlaggedRow>
            caption={t('checksCaption')}
            rows={shown}
            rowKey={(r) => r.key}
            columns={[
              {
                key: 'table',
                header: t('colTable'),
                cell: (r) => <span className="whitespace-nowrap">{t(r.table === 'carriers' ? 'tableCarriers' : 'tableTenants')}</span>,
              },
              { key: 'row', header: t('colRow'), cell: (r) => <span className="font-medium text-slate-900">{r.label}</span> },
              {
                key: 'severity',
                header: t('colSeverity'),
                cell: (r) => <Badge tone={r.severity === 'error' ? 'bad' : 'warn'}>{t(`severity.${r.severity}`)}</Badge>,
              },
              {
                key: 'reasons',
                header: t('colReasons'),
                cell: (r) => (
                  <ul className="space-y-0.5">
                    {r.flags.map((f) => (
                      <li key={f.code} className={f.severity === 'error' ? 'text-red-800' : 'text-amber-900'}>
                        {t(`checks.${f.code}`)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <PageLinks
            basePath={basePath}
            params={params}
            param="fpage"
            page={page}
            pageSize={CHECKS_PAGE_SIZE}
            total={total}
            text={{
              label: t('pagination', { table: t('checksTitle') }),
              status: t('pageOf', { page, pages, total }),
              previous: t('previous'),
              next: t('next'),
            }}
          />
        </>
      )}
    </Card>
  );
}
