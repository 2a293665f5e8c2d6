import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, getLocale } from 'next-intl/server';
import { pathId } from '@/lib/search-params';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listOperatorCarriers } from '@/db/queries/carriers';
import { getVentureReports, quarterGridRow } from '@/db/queries/reports';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { quarterDueDate } from '@/lib/domain/reporting';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { figuresToInputs } from '@/lib/validation/report-fields';
import { DueNotice } from '../due-notice';
import { reportsHref, resolvePeriod, type ReportSearch } from '../period';
import { FiledStatus } from '../report-cells';
import { VentureReportForm } from './venture-report-form';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('reports'))('title') };
}

export default async function VentureReportPage({ params, searchParams }: { params: Promise<{ ventureId: string }>; searchParams: Promise<ReportSearch> }) {
  const locale = await getLocale();
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const ventureId = pathId((await params).ventureId);
  if (ventureId === undefined) notFound();
  const db = getDb();
  const today = todayInShanghai();
  const [t, { venture, reports }, carriers] = await Promise.all([
    getTranslations('reports'),
    orNotFound(getVentureReports(db, scope, ventureId)),
    listOperatorCarriers(db, scope),
  ]);
  const ids = carriers.map((c) => c.id);
  const current = venture.currentCarrierId !== null && ids.includes(venture.currentCarrierId) ? venture.currentCarrierId : undefined;
  const p = resolvePeriod(await searchParams, today, ids, current);
  if (p.carrierId === undefined) notFound();
  const quarter = { carrierId: p.carrierId, year: p.year, quarter: p.quarter };
  const row = await orNotFound(quarterGridRow(db, scope, quarter, venture.id));
  const carrier = carriers.find((c) => c.id === quarter.carrierId);
  if (!carrier) notFound();
  const period = t('period', { year: p.year, quarter: p.quarter });

  return (
    <>
      <PageHeader
        title={t('single.title', { venture: venture.name, period })}
        subtitle={t('single.subtitle', { carrier: carrier.name, date: quarterDueDate(p.year, p.quarter) })}
        actions={
          <Link href={reportsHref(quarter)} className="text-sm font-medium text-brand-700 underline">
            {t('single.back')}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title={t('single.formTitle')}>
          <DueNotice year={p.year} quarter={p.quarter} today={today} />
          <VentureReportForm
            key={`${quarter.carrierId}-${p.year}-${p.quarter}`}
            carrierId={quarter.carrierId}
            year={p.year}
            quarter={p.quarter}
            ventureId={venture.id}
            inputs={row.report ? figuresToInputs(row.report) : null}
            filedOn={row.report ? todayInShanghai(row.report.filedAt) : null}
            late={row.report?.late ?? false}
            filedElsewhere={row.filedElsewhere}
          />
        </Card>
        <Card title={t('single.history')}>
          {reports.length === 0 ? (
            <EmptyState>{t('single.historyEmpty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('single.historyCaption', { venture: venture.name })}
              rows={reports}
              rowKey={(r) => r.id}
              columns={[
                {
                  key: 'quarter',
                  header: t('single.quarter'),
                  cell: (r) => <span className="whitespace-nowrap">{t('period', { year: r.year, quarter: r.quarter })}</span>,
                },
                { key: 'carrier', header: t('single.carrier'), cell: (r) => <span className="block min-w-36">{r.carrierName}</span> },
                ...(['revenueFen', 'netProfitFen', 'rdSpendFen', 'taxFen', 'financingFen'] as const).map((f) => ({
                  key: f,
                  header: <span className="whitespace-nowrap">{`${t(`fields.${f}`)}${t('wanUnit')}`}</span>,
                  numeric: true,
                  cell: (r: (typeof reports)[number]) => moneyFigure(locale, r[f]),
                })),
                {
                  key: 'employees',
                  header: <span className="whitespace-nowrap">{t('fields.employees')}</span>,
                  numeric: true,
                  cell: (r) => formatInt(r.employees),
                },
                { key: 'ipFiled', header: <span className="whitespace-nowrap">{t('fields.ipFiled')}</span>, numeric: true, cell: (r) => formatInt(r.ipFiled) },
                {
                  key: 'filed',
                  header: t('single.status'),
                  cell: (r) => <FiledStatus filedOn={todayInShanghai(r.filedAt)} late={r.late} />,
                },
              ]}
            />
          )}
        </Card>
      </div>
    </>
  );
}
