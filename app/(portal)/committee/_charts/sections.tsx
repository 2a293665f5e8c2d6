import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import type { BudgetExecution, QueueAge, TargetProgress } from '@/db/queries/network';
import { formatInt } from '@/lib/format';
import { formatWan, moneyCompact, moneyText } from '@/lib/money';
import { Badge, type Tone } from '@/components/ui/badges';
import { rateText } from '@/lib/display-format';
import { hrefWith } from '@/lib/search-params';
import { cellText, TableDetails } from './table-details';
import type { TableSpec } from '@/lib/server/exports/dashboard-tables';

type T = (key: string, values?: Record<string, string | number>) => string;
type Common = { t: T; filters: Record<string, string | undefined> };
/** A value with its unit as the reader writes it (lib/units measureText). */
type Measure = (value: number, unit: string) => string;

const STATUS_TONE: Record<TargetProgress['status'], Tone> = { met: 'good', above: 'brand', below: 'warn', unknown: 'neutral' };

/** A bar of progress towards a target; the number beside it says the same. */
function ProgressBar({ percent, label }: { percent: number | null; label: string }) {
  const width = Math.max(0, Math.min(100, percent ?? 0));
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 w-28 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label={label}
        aria-valuenow={Math.round(width)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={`h-full rounded-full ${width >= 100 ? 'bg-emerald-600' : 'bg-brand-600'}`} style={{ width: `${width}%` }} />
      </div>
      <span className="w-14 text-right text-sm tabular-nums text-slate-800">{percent === null ? '—' : `${percent.toFixed(1)}%`}</span>
    </div>
  );
}

/** The target's range as the committee set it: "≥ 5", "10 – 12" (decimals kept, as 3.7). */
function rangeText(g: Pick<TargetProgress, 'targetMin' | 'targetMax'>) {
  const n = (v: number) => (Number.isInteger(v) ? formatInt(v) : cellText({ v, f: 'dec' }));
  return g.targetMax === null ? `≥ ${n(g.targetMin)}` : `${n(g.targetMin)} – ${n(g.targetMax)}`;
}

/** The range with its unit in the reader's language: "≥ 1,450 个", "≥ 1,450", "≥ CNY 1,500,000". */
function rangeWithUnit(g: Pick<TargetProgress, 'targetMin' | 'targetMax' | 'unit'>, measure: Measure) {
  return g.targetMax === null ? `≥ ${measure(g.targetMin, g.unit)}` : `${measure(g.targetMin, g.unit)} – ${measure(g.targetMax, g.unit)}`;
}

export function TargetsSection({
  t,
  filters,
  targets,
  spec,
  metricName,
  measure,
  year,
}: Common & { targets: TargetProgress[]; spec: TableSpec; metricName: (m: string) => string; measure: Measure; year: number }) {
  return (
    <Card title={t('tables.targets')} className="mb-6">
      {targets.length === 0 ? (
        <EmptyState>
          {t('noTargets')}{' '}
          <Link href={`/committee/targets?year=${year}`} className="font-medium text-brand-700 underline">
            {t('noTargetsAction')}
          </Link>
        </EmptyState>
      ) : (
        <ul className="grid gap-x-8 gap-y-3 md:grid-cols-2">
          {targets.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-2">
              <div className="min-w-40">
                <Link href={`/committee/targets?year=${year}#target-${g.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {metricName(g.metric)}
                </Link>
                <div className="text-xs tabular-nums text-slate-600">
                  {t('targetRange')} {rangeWithUnit(g, measure)}
                  {g.value !== null ? ` · ${t('targetActual')} ${measure(g.value, g.unit)}` : ''}
                </div>
              </div>
              <div className="flex items-center gap-3">
                {g.known && g.value !== null && g.rate ? (
                  // A rate reads as itself against the target, in per cent: no share of a percentage.
                  <span className="text-sm tabular-nums text-slate-800">
                    {t('rateAgainst', { actual: `${cellText({ v: g.value, f: 'dec' })}%`, target: `${rangeText(g)}%` })}
                  </span>
                ) : g.known && g.value !== null ? (
                  <ProgressBar percent={g.percent} label={metricName(g.metric)} />
                ) : null}
                <Badge tone={STATUS_TONE[g.status]}>{t(`targetStatuses.${g.status}`)}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
      <TableDetails spec={spec} filters={filters} showLabel={t('showTable')} exportLabel={t('export')} />
    </Card>
  );
}

export function BudgetSummary({ t, budget, year, filtered, locale }: { t: T; budget: BudgetExecution; year: number; filtered: boolean; locale: string }) {
  // 万元 under a labelled unit in Chinese; "¥311.9m" in English, where the figure says its unit.
  const en = locale === 'en';
  const b = budget.total;
  return (
    <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
      <div className="rounded-md bg-brand-50 p-3">
        <div className="text-xs text-slate-700">{t('budgetTotal', { year })}</div>
        <div className="text-2xl font-semibold tabular-nums text-brand-800">{rateText(b.executionRate)}</div>
      </div>
      {(
        [
          ['budget', b.budgetFen],
          ['approved', b.committedFen],
          ['paid', b.paidFen],
        ] as const
      ).map(([k, fen]) => (
        <div key={k} className="rounded-md bg-slate-50 p-3">
          <div className="text-xs text-slate-700">{en ? t(k) : `${t(k)} (${t('units.wan')})`}</div>
          <div className="text-lg font-semibold tabular-nums text-slate-900" title={en ? moneyText(locale, fen) : undefined}>
            {en ? moneyCompact(locale, fen) : formatWan(fen)}
          </div>
        </div>
      ))}
      {filtered ? <p className="col-span-full text-xs text-slate-600">{t('budgetNote')}</p> : null}
    </div>
  );
}

export function QueueSection({ t, filters, queue, spec, statusName }: Common & { queue: QueueAge[]; spec: TableSpec; statusName: (s: string) => string }) {
  const total = queue.reduce((s, q) => s + q.waiting, 0);
  const link = (status?: string) => hrefWith('/committee/applications', { year: filters.year, zone: filters.zone, status });
  return (
    <Card title={t('tables.queue')}>
      <p className="mb-3 text-sm text-slate-700">{total === 0 ? t('queueNone') : t('queueTotal', { count: total })}</p>
      <ul className="space-y-2">
        {queue.map((q) => (
          <li key={q.status}>
            <Link
              href={link(q.status)}
              className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="text-slate-800">{statusName(q.status)}</span>
              <span className="flex items-center gap-3 tabular-nums">
                {q.over30Days > 0 ? <Badge tone="warn">{`${t('over30')} ${q.over30Days}`}</Badge> : null}
                {q.oldestDays !== null ? (
                  <span className="text-xs text-slate-600">
                    {t('oldest')} {q.oldestDays} {t('units.days')}
                  </span>
                ) : null}
                <span className="min-w-8 text-right text-lg font-semibold text-slate-900">{q.waiting}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        <Link href={link()} className="font-medium text-brand-700 hover:underline">
          {t('openQueue')} →
        </Link>
      </p>
      <TableDetails spec={spec} filters={filters} showLabel={t('showTable')} exportLabel={t('export')} />
    </Card>
  );
}
