import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';
import type { SummaryTarget, YearSummary } from '@/db/queries/network';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { measureWriters } from '@/lib/server/measure';

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <figure className="mt-8">
      <h3 className="mb-2 text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </figure>
  );
}

/** The summary's compact tables: carriers by kind, awards by category, the targets. */
export async function SummaryTables({
  summary: s,
  kindLabel,
  categoryLabel,
}: {
  summary: YearSummary;
  kindLabel: (k: YearSummary['carriers'][number]['kind']) => string;
  categoryLabel: (c: YearSummary['subsidies'][number]['category']) => string;
}) {
  const locale = await getLocale();
  const t = await getTranslations('yearSummary');
  const { measure: number } = await measureWriters();
  const total = (pick: (c: YearSummary['carriers'][number]) => number) => formatInt(s.carriers.reduce((n, c) => n + pick(c), 0));
  const target = (x: SummaryTarget) =>
    x.targetMax === null
      ? t('atLeast', { min: number(x.targetMin, x.unit) })
      : t('range', { min: number(x.targetMin, x.unit), max: number(x.targetMax, x.unit) });
  const tone = { met: 'good', below: 'bad', above: 'warn', noData: 'neutral' } as const;
  const cell = 'px-3 py-2';
  return (
    <>
      <Block title={t('tableCarriers')}>
        <DataTable
          caption={t('tableCarriers')}
          rows={s.carriers}
          rowKey={(r) => r.kind}
          columns={[
            { key: 'kind', header: t('colKind'), cell: (r) => <span className="whitespace-nowrap">{kindLabel(r.kind)}</span> },
            { key: 'carriers', header: t('colCarriers'), numeric: true, cell: (r) => formatInt(r.carriers) },
            { key: 'national', header: t('colNational'), numeric: true, cell: (r) => formatInt(r.national) },
            { key: 'area', header: t('colArea'), numeric: true, cell: (r) => formatInt(r.incubationAreaM2) },
            { key: 'opened', header: t('colOpened'), numeric: true, cell: (r) => formatInt(r.opened) },
            { key: 'openedArea', header: t('colOpenedArea'), numeric: true, cell: (r) => formatInt(r.openedAreaM2) },
          ]}
          footer={
            <tr>
              <th scope="row" className={`${cell} text-left`}>
                {t('total')}
              </th>
              <td className={`${cell} text-right tabular-nums`}>{total((c) => c.carriers)}</td>
              <td className={`${cell} text-right tabular-nums`}>{total((c) => c.national)}</td>
              <td className={`${cell} text-right tabular-nums`}>{total((c) => c.incubationAreaM2)}</td>
              <td className={`${cell} text-right tabular-nums`}>{total((c) => c.opened)}</td>
              <td className={`${cell} text-right tabular-nums`}>{total((c) => c.openedAreaM2)}</td>
            </tr>
          }
        />
      </Block>
      <Block title={t('tableSubsidies')}>
        {s.subsidies.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noSubsidies')}</p>
        ) : (
          <DataTable
            caption={t('tableSubsidies')}
            rows={s.subsidies}
            rowKey={(r) => r.category}
            columns={[
              { key: 'category', header: t('colCategory'), cell: (r) => categoryLabel(r.category) },
              { key: 'awards', header: t('colAwards'), numeric: true, cell: (r) => formatInt(r.awards) },
              { key: 'committed', header: t('colCommitted'), numeric: true, cell: (r) => moneyFigure(locale, r.committedFen) },
              { key: 'paid', header: t('colPaid'), numeric: true, cell: (r) => moneyFigure(locale, r.paidFen) },
            ]}
            footer={
              <tr>
                <th scope="row" className={`${cell} text-left`}>
                  {t('total')}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{formatInt(s.subsidies.reduce((n, c) => n + c.awards, 0))}</td>
                <td className={`${cell} text-right tabular-nums`}>
                  {moneyFigure(
                    locale,
                    s.subsidies.reduce((n, c) => n + c.committedFen, 0),
                  )}
                </td>
                <td className={`${cell} text-right tabular-nums`}>
                  {moneyFigure(
                    locale,
                    s.subsidies.reduce((n, c) => n + c.paidFen, 0),
                  )}
                </td>
              </tr>
            }
          />
        )}
      </Block>
      {s.targets.length ? (
        <Block title={t('tableTargets')}>
          <DataTable
            caption={t('tableTargets')}
            rows={s.targets}
            rowKey={(r) => r.metric}
            columns={[
              {
                key: 'metric',
                header: t('colMetric'),
                cell: (r) => (t.has(`metrics.${r.metric}`) ? t(`metrics.${r.metric}` as 'metrics.rd_institutions') : r.metric),
              },
              { key: 'target', header: t('colTarget'), numeric: true, cell: (r) => <span className="whitespace-nowrap">{target(r)}</span> },
              {
                key: 'actual',
                header: t('colActual'),
                numeric: true,
                cell: (r) => <span className="whitespace-nowrap">{r.actual === null ? t('noData') : number(r.actual, r.unit)}</span>,
              },
              { key: 'outcome', header: t('colOutcome'), cell: (r) => <Badge tone={tone[r.outcome]}>{t(`outcome.${r.outcome}`)}</Badge> },
            ]}
          />
        </Block>
      ) : null}
    </>
  );
}
