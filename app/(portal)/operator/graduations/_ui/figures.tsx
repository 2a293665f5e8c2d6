import type { GraduationFigures } from '@/db/queries/graduations';
import type { GraduationCriterion } from '@/lib/domain/graduation';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';

/** A translator of the `graduation` namespace. */
export type GraduationT = (key: string, values?: Record<string, string | number>) => string;

/** The figure behind one graduation criterion, in words. */
export function criterionFigure(t: GraduationT, criterion: GraduationCriterion, f: GraduationFigures, locale: string): string {
  switch (criterion) {
    case 'high_tech':
      return f.highTechCertNo ? t('figures.highTech', { no: f.highTechCertNo, date: formatDate(f.highTechCertOn) }) : t('figures.none');
    case 'financing':
      return t('figures.financing', { amount: moneyFigure(locale, f.financingTotalFen) });
    case 'revenue':
      return f.revenue
        ? t('figures.revenue', {
            first: f.revenue.firstYear,
            second: f.revenue.firstYear + 1,
            total: moneyFigure(locale, f.revenue.totalFen),
            firstAmount: moneyFigure(locale, f.revenue.firstYearFen),
            secondAmount: moneyFigure(locale, f.revenue.secondYearFen),
          })
        : t('figures.noRevenue');
    case 'exit':
      return f.exitKind ? t('figures.exit', { kind: t(`exitKinds.${f.exitKind}`), date: formatDate(f.exitOn) }) : t('figures.none');
  }
}

/** The met criteria of a candidate with the figures behind them. */
export function MetCriteria({ t, criteria, figures, locale }: { t: GraduationT; criteria: GraduationCriterion[]; figures: GraduationFigures; locale: string }) {
  return (
    <ul className="space-y-1">
      {criteria.map((c) => (
        <li key={c} className="text-slate-700">
          {t('figures.labelled', { criterion: t(`criteriaShort.${c}`), figure: criterionFigure(t, c, figures, locale) })}
        </li>
      ))}
    </ul>
  );
}
