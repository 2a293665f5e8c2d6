import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listOperatorCarriers } from '@/db/queries/carriers';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatInt } from '@/lib/format';

export async function generateMetadata() {
  return { title: (await getTranslations('carrierProfile'))('listTitle') };
}

export default async function OperatorCarriersPage() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const [rows, t, tKinds, tLevels, tStatus] = await Promise.all([
    listOperatorCarriers(getDb(), scope),
    getTranslations('carrierProfile'),
    getTranslations('kinds'),
    getTranslations('levels'),
    getTranslations('glossary.carrierStatus'),
  ]);
  return (
    <>
      <PageHeader title={t('listTitle')} subtitle={t('listSubtitle')} />
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t('empty')}</EmptyState>
        ) : (
          <DataTable
            caption={t('listCaption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: t('name'),
                cell: (r) => (
                  <Link href={`/operator/carriers/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                ),
              },
              { key: 'kind', header: t('kind'), cell: (r) => tKinds(r.kind) },
              { key: 'level', header: t('level'), cell: (r) => tLevels(r.level) },
              { key: 'status', header: t('status'), cell: (r) => tStatus(r.status) },
              { key: 'zone', header: t('zone'), cell: (r) => r.zone },
              { key: 'area', header: t('totalArea'), numeric: true, cell: (r) => formatInt(r.totalAreaM2) },
              { key: 'workstations', header: t('workstations'), numeric: true, cell: (r) => formatInt(r.workstations) },
              { key: 'public', header: t('publicProfile'), cell: (r) => (r.publicProfile ? t('yes') : t('no')) },
              { key: 'updated', header: t('updatedAt'), cell: (r) => todayInShanghai(r.updatedAt) },
              {
                key: 'open',
                header: <span className="sr-only">{t('open')}</span>,
                cell: (r) => (
                  <Link href={`/operator/carriers/${r.id}`} aria-label={t('openFor', { name: r.name })} className="whitespace-nowrap text-brand-700 underline">
                    {t('open')}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
