import Link from 'next/link';
import { getTranslations, getLocale } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { operatorDashboard, type DashboardCarrier } from '@/db/queries/carriers';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { VENTURE_STAGES } from '@/lib/domain/vocabulary';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { query } from './graduations/_ui/tabs';
import { FigureLinks, type FigureLink } from './_dashboard/figure-links';
import { carrierParam, one, type Search } from '@/lib/search-params';
import { operatorFigures, type OperatorFigure } from '@/lib/operator-figures';

export async function generateMetadata() {
  return { title: (await getTranslations('dashboard'))('title') };
}

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

export default async function OperatorHome({ searchParams }: { searchParams: Promise<Search> }) {
  const locale = await getLocale();
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const carrierId = carrierParam(one(params.carrier), scope.kind === 'carriers' ? scope.carrierIds : []);
  const [d, t, tKinds, tStages, tStatus] = await Promise.all([
    operatorDashboard(getDb(), scope, todayInShanghai(), { carrierId }),
    getTranslations('dashboard'),
    getTranslations('kinds'),
    getTranslations('stages'),
    getTranslations('glossary.applicationStatus'),
  ]);
  if (!d) {
    return (
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <EmptyState>{t('noCarriers')}</EmptyState>
      </>
    );
  }
  const carrier = carrierId ? String(carrierId) : undefined;
  const { totals: n, year, reportQuarter: q } = d;
  const all: Record<OperatorFigure, FigureLink> = {
    nurseryTeams: {
      key: 'nurseryTeams',
      label: t('figures.nurseryTeams'),
      value: formatInt(n.byStage.nursery),
      href: `/operator/ventures${query({ stage: 'nursery', carrier })}`,
    },
    incubating: {
      key: 'incubating',
      label: t('figures.incubating'),
      value: formatInt(n.byStage.incubating),
      href: `/operator/ventures${query({ stage: 'incubating', carrier })}`,
    },
    accelerating: {
      key: 'accelerating',
      label: t('figures.accelerating'),
      value: formatInt(n.byStage.accelerating),
      href: `/operator/ventures${query({ stage: 'accelerating', carrier })}`,
    },
    occupancy: {
      key: 'occupancy',
      label: t('figures.occupancy'),
      value: pct(n.occupancyPercent),
      hint:
        n.incubationAreaM2 > 0 ? t('figures.occupancyValue', { used: formatInt(n.occupiedAreaM2), total: formatInt(n.incubationAreaM2) }) : t('figures.noArea'),
      href: '/operator/carriers',
    },
    admissions: {
      key: 'admissions',
      label: t('figures.admissions', { year }),
      value: formatInt(n.admissionsThisYear),
      href: `/operator/ventures${query({ carrier, entered: year, sort: 'entered', dir: 'desc' })}`,
    },
    incorporated: { key: 'incorporated', label: t('figures.incorporated', { year }), value: formatInt(n.incorporatedThisYear) },
    leftNursery: { key: 'leftNursery', label: t('figures.leftNursery', { year }), value: formatInt(n.leftNurseryThisYear) },
    graduations: {
      key: 'graduations',
      label: t('figures.graduations', { year }),
      value: formatInt(n.graduationsVerifiedThisYear),
      href: `/operator/graduations${query({ view: 'recorded', status: 'verified', year, carrier })}`,
    },
    pendingGraduations: {
      key: 'pending',
      label: t('figures.pendingGraduations'),
      value: formatInt(n.graduationsPending),
      href: `/operator/graduations${query({ view: 'recorded', status: 'pending', carrier })}`,
    },
    candidates: {
      key: 'candidates',
      label: t('figures.candidates'),
      value: formatInt(n.graduationCandidates),
      href: `/operator/graduations${query({ carrier })}`,
    },
    dueSoon: {
      key: 'dueSoon',
      label: t('figures.dueSoon'),
      value: formatInt(n.limitsDueSoon),
      href: `/operator/limits${query({ status: 'due_soon', carrier })}`,
      tone: n.limitsDueSoon > 0 ? 'warn' : 'plain',
    },
    overdue: {
      key: 'overdue',
      label: t('figures.overdue'),
      value: formatInt(n.limitsOverdue),
      href: `/operator/limits${query({ status: 'overdue', carrier })}`,
      tone: n.limitsOverdue > 0 ? 'alert' : 'plain',
    },
    missingReports: {
      key: 'missing',
      label: t('figures.missingReports', { year: q.year, quarter: q.quarter }),
      value: formatInt(n.missingReports),
      href: `/operator/reports${query({ year: q.year, quarter: q.quarter, missing: 1, carrier })}`,
      tone: n.missingReports > 0 ? 'alert' : 'plain',
    },
    warnings: {
      key: 'warnings',
      label: t('figures.warnings'),
      value: formatInt(n.admissionWarnings),
      href: `/operator/ventures${query({ warnings: 1, carrier })}`,
    },
  };
  // Only the figures of the kinds of carrier shown: a nursery has no tenants to graduate.
  const figures = operatorFigures(d.kinds).map((f) => all[f]);
  const selected = d.carrierChoices.find((c) => c.id === d.selectedCarrierId);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {d.carrierChoices.length > 1 ? (
        <form method="get" aria-label={t('selector.label')} className="mb-6 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">{t('selector.carrier')}</span>
            <select name="carrier" defaultValue={carrier ?? ''} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              <option value="">{t('selector.all')}</option>
              {d.carrierChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t('selector.apply')}
          </button>
        </form>
      ) : null}

      <div className="mb-8">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">
          {selected ? t('figures.headingOne', { carrier: selected.name, year }) : t('figures.heading', { year })}
        </h2>
        <FigureLinks figures={figures} />
      </div>

      <div className="mb-8 grid gap-6 lg:grid-cols-2">
        {d.carriers.map((c) => (
          <CarrierCard key={c.id} c={c} t={t} kind={tKinds(c.kind)} stageLabel={(s) => tStages(s)} />
        ))}
      </div>

      <div>
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t('applications.heading')}</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          {d.applicationsByStatus.length === 0 ? (
            <EmptyState>{t('applications.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('applications.caption')}
              rows={d.applicationsByStatus}
              rowKey={(r) => r.status}
              columns={[
                { key: 'status', header: t('applications.status'), cell: (r) => tStatus(r.status) },
                { key: 'n', header: t('applications.count'), numeric: true, cell: (r) => formatInt(r.applications) },
                { key: 'fen', header: t('applications.requested'), numeric: true, cell: (r) => moneyFigure(locale, r.requestedFen) },
              ]}
            />
          )}
        </div>
      </div>
    </>
  );
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** One carrier: its space in use and its ventures by stage, each count linking to the list. */
function CarrierCard({ c, t, kind, stageLabel }: { c: DashboardCarrier; t: T; kind: string; stageLabel: (s: string) => string }) {
  const stages = VENTURE_STAGES.filter((s) => c.byStage[s] > 0);
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {c.name}
          <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{kind}</span>
        </span>
      }
    >
      <dl className="mb-4 text-sm">
        <dt className="text-slate-600">{t('carriers.occupancy')}</dt>
        <dd className="font-medium tabular-nums">
          {t('carriers.occupancyValue', {
            percent: pct(c.occupancyPercent),
            used: formatInt(c.occupiedAreaM2),
            total: formatInt(c.incubationAreaM2),
          })}
        </dd>
      </dl>
      {stages.length === 0 ? (
        <EmptyState>{t('carriers.noVentures')}</EmptyState>
      ) : (
        <DataTable
          caption={`${c.name} · ${t('carriers.byStage')}`}
          rows={stages}
          rowKey={(s) => s}
          columns={[
            { key: 'stage', header: t('carriers.stage'), cell: (s) => stageLabel(s) },
            {
              key: 'n',
              header: t('carriers.ventures'),
              numeric: true,
              cell: (s) => (
                <Link
                  href={`/operator/ventures${query({ carrier: c.id, stage: s })}`}
                  aria-label={t('carriers.stageLink', { count: formatInt(c.byStage[s]), stage: stageLabel(s) })}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {formatInt(c.byStage[s])}
                </Link>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
