import { getTranslations, getLocale } from 'next-intl/server';
import { DataTable } from '@/components/ui/table';
import type { YearFigures } from '@/db/queries/network';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';

/** The carrier's figures per year, the latest year first. */
export async function YearFiguresTable({ years }: { years: YearFigures[] }) {
  const locale = await getLocale();
  const t = await getTranslations('committeeCarriers.detail');
  return (
    <DataTable<YearFigures>
      caption={t('yearsCaption')}
      rows={[...years].reverse()}
      rowKey={(r) => r.year}
      columns={[
        { key: 'year', header: t('year'), cell: (r) => r.year },
        { key: 'tenants', header: t('yearTenants'), numeric: true, cell: (r) => formatInt(r.tenants) },
        { key: 'admissions', header: t('admissions'), numeric: true, cell: (r) => formatInt(r.admissions) },
        { key: 'graduates', header: t('yearGraduates'), numeric: true, cell: (r) => formatInt(r.graduates) },
        { key: 'revenue', header: t('revenue'), numeric: true, cell: (r) => moneyFigure(locale, r.revenueFen) },
        { key: 'financing', header: t('financingAmount'), numeric: true, cell: (r) => moneyFigure(locale, r.financingFen) },
      ]}
    />
  );
}
