import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { carrierSummaries } from '@/db/queries/network';
import { requireRole, scopeFor } from '@/lib/authz';
import { VENTURE_STAGES } from '@/lib/domain/stages';
import { formatInt } from '@/lib/format';

export async function generateMetadata() {
  return { title: (await getTranslations('operator'))('title') };
}

export default async function OperatorHome() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const carrierIds = scope.kind === 'carriers' ? scope.carrierIds : [];
  const [summaries, t, tKinds, tStages, tLevels] = await Promise.all([
    carrierSummaries(getDb(), carrierIds),
    getTranslations('operator'),
    getTranslations('kinds'),
    getTranslations('stages'),
    getTranslations('levels'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {summaries.length === 0 ? (
        <EmptyState>{t('noCarriers')}</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {summaries.map((c) => (
            <Card
              key={c.id}
              title={
                <span className="flex flex-wrap items-center gap-2">
                  {c.name}
                  <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{tKinds(c.kind)}</span>
                </span>
              }
            >
              <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-slate-600">{t('zone')}</dt>
                  <dd className="font-medium">{c.zone}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t('level')}</dt>
                  <dd className="font-medium">{tLevels(c.level)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t('openResidencies')}</dt>
                  <dd className="font-medium tabular-nums">{formatInt(c.openResidencies)}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t('occupancy')}</dt>
                  <dd className="font-medium tabular-nums">
                    {t('occupancyValue', { used: formatInt(c.occupiedAreaM2), total: formatInt(c.incubationAreaM2) })}
                  </dd>
                </div>
              </dl>
              <DataTable
                caption={`${c.name} · ${t('byStage')}`}
                rows={VENTURE_STAGES.filter((s) => (c.byStage[s] ?? 0) > 0)}
                rowKey={(s) => s}
                columns={[
                  { key: 'stage', header: t('stage'), cell: (s) => tStages(s) },
                  { key: 'n', header: t('ventures'), numeric: true, cell: (s) => formatInt(c.byStage[s] ?? 0) },
                ]}
              />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
