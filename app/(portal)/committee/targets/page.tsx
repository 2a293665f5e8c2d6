import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { measureWriters } from '@/lib/server/measure';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getTarget, isKnownMetric, KNOWN_METRICS, listTargets } from '@/db/queries/network';
import type { AnnualTarget } from '@/db/schema';
import { requireRole } from '@/lib/server/authz';
import { parseIsoDate, todayInShanghai } from '@/lib/domain/dates';
import { DomainError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { hrefWith, one, optionalId, optionalYear, type Search } from '@/lib/search-params';
import { TargetForm, type TargetValues } from './target-form';

export async function generateMetadata() {
  return { title: (await getTranslations('networkTargets'))('title') };
}

const BASE = '/committee/targets';
const range = (t: AnnualTarget) => (t.targetMax === null ? `≥ ${t.targetMin}` : `${t.targetMin} – ${t.targetMax}`);

export default async function TargetsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const params = await searchParams;
  const year = optionalYear(one(params.year));
  const editId = optionalId(one(params.edit));
  const db = getDb();
  const thisYear = parseIsoDate(todayInShanghai()).y;
  const [all, rows, editing, t, metricsT] = await Promise.all([
    listTargets(db),
    listTargets(db, { year }),
    editId === undefined ? null : getTarget(db, editId).catch((e: unknown) => (e instanceof DomainError ? null : Promise.reject(e))),
    getTranslations('networkTargets'),
    getTranslations('networkTargets.metrics'),
  ]);
  const metricName = (m: string) => (metricsT.has(m) ? metricsT(m) : m);
  const { unitLabel } = await measureWriters();
  const years = [...new Set([thisYear + 1, thisYear, ...all.map((r) => r.year)])].sort((a, b) => b - a);
  const metricChoices = KNOWN_METRICS.map((code) => ({ code, label: metricName(code) }));
  const blank: TargetValues = { year: String(year ?? thisYear), metric: '', targetMin: '', targetMax: '', unit: '', note: '' };
  const initial: TargetValues = editing
    ? {
        year: String(editing.year),
        metric: editing.metric,
        targetMin: String(editing.targetMin),
        targetMax: editing.targetMax === null ? '' : String(editing.targetMax),
        unit: editing.unit,
        note: editing.note ?? '',
      }
    : blank;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link
            href={hrefWith('/committee', { year: String(year ?? thisYear) })}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            {t('dashboard', { year: year ?? thisYear })}
          </Link>
        }
      />
      <Card className="mb-6">
        <FilterBar label={t('filters')} basePath={BASE} size={undefined} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterSelect
            label={t('year')}
            name="year"
            defaultValue={year?.toString() ?? ''}
            empty={t('any')}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        </FilterBar>
        {rows.length === 0 ? (
          <EmptyState>{year === undefined ? t('empty') : t('emptyFiltered')}</EmptyState>
        ) : (
          <DataTable<AnnualTarget>
            caption={t('caption')}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { key: 'year', header: t('year'), cell: (r) => <span id={`target-${r.id}`}>{r.year}</span> },
              {
                key: 'metric',
                header: t('metric'),
                cell: (r) => (
                  // The name alone; the code the form asks for is on hover (a code no catalogue names is its own name).
                  <div className="min-w-40 font-medium text-slate-900" title={r.metric}>
                    {metricName(r.metric)}
                  </div>
                ),
              },
              { key: 'range', header: t('range'), numeric: true, cell: (r) => <span className="whitespace-nowrap">{range(r)}</span> },
              { key: 'unit', header: t('unit'), cell: (r) => unitLabel(r.unit) },
              {
                key: 'computed',
                header: t('computed'),
                cell: (r) => (isKnownMetric(r.metric) ? <Badge tone="good">{t('computed')}</Badge> : <Badge>{t('notComputed')}</Badge>),
              },
              { key: 'note', header: t('note'), cell: (r) => <span className="block max-w-72 text-xs text-slate-700">{r.note ?? '—'}</span> },
              { key: 'version', header: t('version'), numeric: true, cell: (r) => <span title={formatDate(r.updatedAt)}>{r.version}</span> },
              {
                key: 'edit',
                header: <span className="sr-only">{t('edit')}</span>,
                cell: (r) => (
                  <Link
                    href={hrefWith(BASE, { year: year?.toString(), edit: String(r.id) })}
                    className="font-medium text-brand-700 hover:underline"
                    aria-label={t('editTarget', { metric: metricName(r.metric), year: r.year })}
                  >
                    {t('edit')}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={editing ? t('editTarget', { metric: metricName(editing.metric), year: editing.year }) : t('newTarget')}>
        <TargetForm
          key={editing ? `edit-${editing.id}-${editing.version}` : 'new'}
          initial={initial}
          targetId={editing?.id}
          version={editing?.version}
          metrics={metricChoices}
        />
      </Card>
    </>
  );
}
