import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { committeeWorkCounts } from '@/db/queries/committee-review';
import { carrierCountsByKind, networkTotals, ventureCountsByStage } from '@/db/queries/network';
import { requireRole } from '@/lib/authz';
import { formatInt } from '@/lib/format';

export async function generateMetadata() {
  return { title: (await getTranslations('committee'))('title') };
}

export default async function CommitteeHome() {
  await requireRole('committee');
  const db = getDb();
  const [work, tReview, totals, byKind, byStage, t, tKinds, tStages, tCommon] = await Promise.all([
    committeeWorkCounts(db),
    getTranslations('review'),
    networkTotals(db),
    carrierCountsByKind(db),
    ventureCountsByStage(db),
    getTranslations('committee'),
    getTranslations('kindsPlural'),
    getTranslations('stages'),
    getTranslations('common'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t('carriers')} value={formatInt(totals.carriers)} />
        <Stat label={t('ventures')} value={formatInt(totals.ventures)} />
        <Stat label={t('openResidencies')} value={formatInt(totals.openResidencies)} />
        <Stat label={t('incubationArea')} value={tCommon('m2', { value: formatInt(totals.incubationAreaM2) })} />
      </dl>
      <Card title={tReview('home.title')} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{tReview('home.hint')}</p>
        {Object.values(work).every((n) => n === 0) ? (
          <p className="text-sm text-slate-600">{tReview('home.nothing')}</p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {(Object.keys(work) as (keyof typeof work)[]).map((status) => (
              <li key={status}>
                <Link
                  href={`/committee/applications?status=${status}`}
                  className="flex min-w-28 flex-col rounded-md border border-slate-200 px-3 py-2 hover:border-brand-600 hover:bg-brand-50"
                >
                  <span className="text-sm text-slate-600">{tReview(`status.${status}`)}</span>
                  <span className="text-xl font-semibold tabular-nums text-slate-900">{formatInt(work[status])}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href="/committee/applications" className="font-medium text-brand-700 hover:underline">
            {tReview('home.open')} →
          </Link>
        </p>
      </Card>
      {byKind.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t('carriersByKind')}>
            <DataTable
              caption={t('carriersByKind')}
              rows={byKind}
              rowKey={(r) => r.kind}
              columns={[
                { key: 'kind', header: t('kind'), cell: (r) => tKinds(r.kind) },
                { key: 'n', header: t('count'), numeric: true, cell: (r) => formatInt(r.carriers) },
                { key: 'area', header: t('area'), numeric: true, cell: (r) => formatInt(r.incubationAreaM2) },
              ]}
            />
          </Card>
          <Card title={t('venturesByStage')}>
            <DataTable
              caption={t('venturesByStage')}
              rows={byStage}
              rowKey={(r) => r.stage}
              columns={[
                { key: 'stage', header: t('stage'), cell: (r) => tStages(r.stage) },
                { key: 'n', header: t('count'), numeric: true, cell: (r) => formatInt(r.ventures) },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}
