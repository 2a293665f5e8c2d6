import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { listOperatorCarriers } from '@/db/queries/carriers';
import { listMissingReports, quarterGrid } from '@/db/queries/reports';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { figuresToInputs } from '@/lib/validation/report-fields';
import { DueNotice } from './due-notice';
import { reportsHref, resolvePeriod, type ReportSearch } from './period';
import { QuarterGridForm, type GridRowView } from './quarter-grid-form';
import { QuarterPicker } from './quarter-picker';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('reports'))('title') };
}

export default async function QuarterReportsPage({ searchParams }: { searchParams: Promise<ReportSearch> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const db = getDb();
  const today = todayInShanghai();
  const t = await getTranslations('reports');
  const carriers = await listOperatorCarriers(db, scope);
  if (carriers.length === 0) {
    return (
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <EmptyState>{t('noCarriers')}</EmptyState>
      </>
    );
  }
  const p = resolvePeriod(
    await searchParams,
    today,
    carriers.map((c) => c.id),
  );
  const quarter = { carrierId: p.carrierId!, year: p.year, quarter: p.quarter };
  const [grid, missingAll] = await Promise.all([
    orNotFound(quarterGrid(db, scope, quarter)),
    listMissingReports(db, scope, { year: p.year, quarter: p.quarter }),
  ]);
  const carrier = carriers.find((c) => c.id === quarter.carrierId);
  if (!carrier) notFound();

  const period = t('period', { year: p.year, quarter: p.quarter });
  const missingCount = grid.filter((r) => !r.report && !r.filedElsewhere).length;
  const shown = p.missing ? grid.filter((r) => !r.report && !r.filedElsewhere) : grid;
  const rows: GridRowView[] = shown.map((r) => ({
    ventureId: r.ventureId,
    name: r.name,
    creditCode: r.creditCode,
    leftOn: r.leftOn,
    inputs: r.report ? figuresToInputs(r.report) : null,
    filedOn: r.report ? todayInShanghai(r.report.filedAt) : null,
    late: r.report?.late ?? false,
    filedElsewhere: r.filedElsewhere,
    singleHref: reportsHref(quarter, r.ventureId),
  }));
  const otherMissing = new Map<number, { name: string; count: number }>();
  for (const m of missingAll) {
    if (m.carrierId === quarter.carrierId) continue;
    const entry = otherMissing.get(m.carrierId) ?? { name: m.carrierName, count: 0 };
    entry.count += 1;
    otherMissing.set(m.carrierId, entry);
  }

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <QuarterPicker carriers={carriers} carrierId={quarter.carrierId} year={p.year} quarter={p.quarter} missing={p.missing} today={today} />
      <Card
        title={
          <span>
            {carrier.name} · {period}
          </span>
        }
      >
        <DueNotice year={p.year} quarter={p.quarter} today={today} />
        <p className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>{t('summary', { total: grid.length, filed: grid.length - missingCount })}</span>
          {missingCount > 0 && !p.missing ? (
            <Link className="font-medium text-amber-800 underline" href={reportsHref({ ...quarter, missing: true })}>
              {t('missingLink', { count: missingCount })}
            </Link>
          ) : null}
          {missingCount === 0 && grid.length > 0 ? <span className="text-emerald-800">{t('allFiled')}</span> : null}
          {p.missing ? (
            <Link className="font-medium text-brand-700 underline" href={reportsHref(quarter)}>
              {t('showAll')}
            </Link>
          ) : null}
        </p>
        {otherMissing.size > 0 ? (
          <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
            <span>{t('otherCarriers')}</span>
            {[...otherMissing].map(([id, m]) => (
              <Link key={id} className="text-brand-700 underline" href={reportsHref({ carrierId: id, year: p.year, quarter: p.quarter, missing: true })}>
                {t('otherCarrierMissing', { name: m.name, count: m.count })}
              </Link>
            ))}
          </div>
        ) : null}
        {rows.length === 0 ? (
          <EmptyState>{p.missing ? t('emptyMissing', { period }) : t('emptyGrid', { period })}</EmptyState>
        ) : (
          <QuarterGridForm
            key={`${quarter.carrierId}-${p.year}-${p.quarter}-${p.missing ? 1 : 0}`}
            carrierId={quarter.carrierId}
            year={p.year}
            quarter={p.quarter}
            caption={t('gridCaption', { carrier: carrier.name, period })}
            rows={rows}
          />
        )}
      </Card>
    </>
  );
}
