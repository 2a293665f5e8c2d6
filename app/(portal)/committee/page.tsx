import { getTranslations } from 'next-intl/server';
import { Card, EmptyState, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { carrierCountsByKind, networkTotals, ventureCountsByStage } from '@/db/queries/network';
import { requireRole } from '@/lib/authz';
import { formatInt } from '@/lib/format';

export async function generateMetadata() {
  return { title: (await getTranslations('committee'))('title') };
}

export default async function CommitteeHome() {
  await requireRole('committee');
  const db = getDb();
  const [totals, byKind, byStage, t, tKinds, tStages, tCommon] = await Promise.all([
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
