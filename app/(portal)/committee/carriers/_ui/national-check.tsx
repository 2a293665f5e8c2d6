import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';
import type { NationalCheck, NationalCriterion, NationalCriterionResult } from '@/lib/domain/national-check';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';

type Unit = 'years' | 'm2' | 'percent' | 'wan' | 'count' | 'people' | 'density';

const UNIT: Record<NationalCriterion, Unit> = {
  operatingYears: 'years',
  statisticsYears: 'years',
  area: 'm2',
  usage: 'percent',
  seedFund: 'wan',
  financedShare: 'percent',
  fundCases: 'count',
  professionalShare: 'percent',
  professionalsPerTenants: 'people',
  mentorsPerTenants: 'people',
  intellectualProperty: 'percent',
  tenants: 'count',
  tenantDensity: 'density',
  graduates: 'count',
};

type Translate = Awaited<ReturnType<typeof getTranslations<'nationalCheck'>>>;

/** A criterion's value (or threshold, or gap) in its unit: years, m², %, 万元, a count. */
export function criterionValue(t: Translate, criterion: NationalCriterion, value: number, locale: string): string {
  const unit = UNIT[criterion];
  const text =
    unit === 'percent'
      ? (value * 100).toFixed(1)
      : unit === 'wan'
        ? moneyFigure(locale, value)
        : unit === 'density'
          ? value.toFixed(2)
          : formatInt(Math.round(value * 100) / 100);
  return t(`units.${unit}`, { value: text });
}

/** The national-level check of one incubator: each criterion with its value, result and gap. */
export async function NationalCheckTable({ check }: { check: NationalCheck }) {
  const t = await getTranslations('nationalCheck');
  const locale = await getLocale();
  return (
    <>
      <p className="mb-3 text-sm text-slate-700">
        {check.specialised ? t('specialised') : t('general')}{' '}
        <Badge tone={check.eligible ? 'good' : 'warn'}>
          {check.eligible ? t('eligible') : t('summary', { passed: check.passed, total: check.criteria.length })}
        </Badge>
      </p>
      <DataTable<NationalCriterionResult>
        caption={t('caption')}
        rows={check.criteria}
        rowKey={(r) => r.criterion}
        columns={[
          { key: 'criterion', header: t('criterion'), cell: (r) => t(`criteria.${r.criterion}`) },
          { key: 'value', header: t('value'), numeric: true, cell: (r) => criterionValue(t, r.criterion, r.value, locale) },
          { key: 'threshold', header: t('threshold'), numeric: true, cell: (r) => `≥ ${criterionValue(t, r.criterion, r.threshold, locale)}` },
          { key: 'result', header: t('result'), cell: (r) => <Badge tone={r.pass ? 'good' : 'bad'}>{r.pass ? t('pass') : t('fail')}</Badge> },
          { key: 'gap', header: t('gap'), numeric: true, cell: (r) => (r.pass ? '—' : criterionValue(t, r.criterion, r.gap, locale)) },
        ]}
      />
    </>
  );
}
