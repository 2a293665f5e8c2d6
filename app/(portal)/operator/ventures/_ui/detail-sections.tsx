import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { DataTable } from '@/components/ui/table';
import type { VentureDetail } from '@/db/queries/ventures';
import { formatDate, formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { Badge, graduationTone } from '@/components/ui/badge';

/** The sections of a venture's page below its profile: one card per kind of record. */
type Props = { detail: VentureDetail };
const dash = (v: number | null | undefined, f: (n: number) => string = formatInt) => (v === null || v === undefined ? '—' : f(v));
/** A loss too small to show in 万元 reads 0.00, not -0.00. */
const signedMoney = (locale: string, fen: number) => moneyFigure(locale, locale === 'en' || Math.abs(fen) >= 5_000 ? fen : 0);

export async function HistorySection({ detail }: Props) {
  const [t, tStages, tWarnings] = await Promise.all([getTranslations('ventures'), getTranslations('stages'), getTranslations('ventures.ruleWarnings')]);
  const tc = (k: string) => t(`history.${k}`);
  return (
    <Card title={tc('title')}>
      {detail.residencies.length === 0 ? (
        <EmptyState>{tc('empty')}</EmptyState>
      ) : (
        <DataTable
          caption={tc('title')}
          rows={detail.residencies}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'carrier',
              header: tc('carrier'),
              cell: (r) => (
                <span>
                  {r.carrierName}
                  {r.ours ? null : <span className="ml-1 text-xs text-slate-600">{tc('otherCarrier')}</span>}
                </span>
              ),
            },
            { key: 'stage', header: tc('stage'), cell: (r) => tStages(r.stage) },
            { key: 'entered', header: tc('entered'), cell: (r) => formatDate(r.enteredOn) },
            {
              key: 'left',
              header: tc('left'),
              cell: (r) => (r.leftOn ? formatDate(r.leftOn) : <Badge tone="brand">{tc('current')}</Badge>),
            },
            { key: 'reason', header: tc('exitReason'), cell: (r) => (r.exitReason ? t(`exitReasons.${r.exitReason}`) : '—') },
            { key: 'area', header: tc('area'), numeric: true, cell: (r) => dash(r.areaM2) },
            { key: 'workstations', header: tc('workstations'), numeric: true, cell: (r) => dash(r.workstations) },
            {
              key: 'warnings',
              header: tc('warnings'),
              cell: (r) =>
                r.ruleWarnings.length ? (
                  <span className="flex flex-wrap gap-1">
                    {r.ruleWarnings.map((w) => (
                      <Badge key={w} tone="warn">
                        {tWarnings.has(w) ? tWarnings(w) : w}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      {detail.residencies.some((r) => !r.ours) ? <p className="mt-3 text-xs text-slate-600">{tc('otherCarrierNote')}</p> : null}
    </Card>
  );
}

export async function FinancingSection({ detail }: Props) {
  const [t, locale] = await Promise.all([getTranslations('ventures.financing'), getLocale()]);
  return (
    <Card title={t('title')}>
      {detail.financings.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <DataTable
          caption={t('title')}
          rows={detail.financings}
          rowKey={(f) => f.id}
          columns={[
            { key: 'date', header: t('date'), cell: (f) => formatDate(f.receivedOn) },
            { key: 'investor', header: t('investor'), cell: (f) => f.investor },
            { key: 'amount', header: t('amountWan'), numeric: true, cell: (f) => moneyFigure(locale, f.amountFen) },
          ]}
          footer={
            <tr>
              <td className="px-3 py-2" colSpan={2}>
                {t('total')}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{moneyFigure(locale, detail.financingTotalFen)}</td>
            </tr>
          }
        />
      )}
    </Card>
  );
}

export async function ReportsSection({ detail }: Props) {
  const [t, locale] = await Promise.all([getTranslations('ventures.reports'), getLocale()]);
  return (
    <Card title={t('title')}>
      {detail.reports.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <DataTable
          caption={t('title')}
          rows={detail.reports}
          rowKey={(r) => r.id}
          columns={[
            { key: 'period', header: t('period'), cell: (r) => t('periodValue', { year: r.year, quarter: r.quarter }) },
            { key: 'revenue', header: t('revenue'), numeric: true, cell: (r) => moneyFigure(locale, r.revenueFen) },
            { key: 'profit', header: t('netProfit'), numeric: true, cell: (r) => signedMoney(locale, r.netProfitFen) },
            { key: 'rd', header: t('rdSpend'), numeric: true, cell: (r) => moneyFigure(locale, r.rdSpendFen) },
            { key: 'tax', header: t('tax'), numeric: true, cell: (r) => moneyFigure(locale, r.taxFen) },
            { key: 'employees', header: t('employees'), numeric: true, cell: (r) => formatInt(r.employees) },
            { key: 'ip', header: t('ip'), numeric: true, cell: (r) => `${formatInt(r.ipFiled)} / ${formatInt(r.ipGranted)}` },
            {
              key: 'filed',
              header: t('filedOn'),
              cell: (r) => (
                <span className="flex flex-wrap items-center gap-1">
                  {formatDate(r.filedAt)}
                  {r.late ? <Badge tone="warn">{t('late')}</Badge> : null}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export async function GraduationsSection({ detail }: Props) {
  const [t, tg] = await Promise.all([getTranslations('ventures'), getTranslations('glossary')]);
  const tc = (k: string) => t(`graduation.${k}`);
  return (
    <Card title={tc('title')}>
      {detail.graduations.length === 0 ? (
        <EmptyState>{tc('empty')}</EmptyState>
      ) : (
        <DataTable
          caption={tc('title')}
          rows={detail.graduations}
          rowKey={(g) => g.id}
          columns={[
            { key: 'date', header: tc('date'), cell: (g) => formatDate(g.graduatedOn) },
            { key: 'carrier', header: tc('carrier'), cell: (g) => g.carrierName },
            { key: 'criteria', header: tc('criteria'), cell: (g) => g.criteria.map((c) => t(`criteria.${c}`)).join('；') },
            {
              key: 'status',
              header: tc('status'),
              cell: (g) => (
                <span className="flex flex-col items-start gap-1">
                  <Badge tone={graduationTone(g.status)}>{tg(`graduationStatus.${g.status}`)}</Badge>
                  {g.status === 'rejected' && g.rejectionReason ? <span className="text-xs text-slate-700">{g.rejectionReason}</span> : null}
                </span>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export async function ApplicationsSection({ detail }: Props) {
  const [t, tg, locale] = await Promise.all([getTranslations('ventures'), getTranslations('glossary'), getLocale()]);
  const tc = (k: string) => t(`applications.${k}`);
  return (
    <Card title={tc('title')}>
      {detail.applications.length === 0 ? (
        <EmptyState>{tc('empty')}</EmptyState>
      ) : (
        <DataTable
          caption={tc('title')}
          rows={detail.applications}
          rowKey={(a) => a.id}
          columns={[
            { key: 'ref', header: tc('refNo'), cell: (a) => <span className="font-mono">{a.refNo}</span> },
            { key: 'program', header: tc('program'), cell: (a) => (locale === 'en' ? a.programNameEn : a.programNameZh) },
            { key: 'status', header: tc('status'), cell: (a) => tg(`applicationStatus.${a.status}`) },
            { key: 'requested', header: tc('requested'), numeric: true, cell: (a) => moneyFigure(locale, a.requestedFen) },
            { key: 'approved', header: tc('approved'), numeric: true, cell: (a) => dash(a.finalFen ?? a.approvedFen, (fen) => moneyFigure(locale, fen)) },
            { key: 'paid', header: tc('paid'), numeric: true, cell: (a) => moneyFigure(locale, a.paidFen) },
          ]}
        />
      )}
    </Card>
  );
}
