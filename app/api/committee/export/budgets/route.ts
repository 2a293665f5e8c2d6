import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { programmeBudgets, yearBudgets } from '@/db/queries/subsidies';
import { exportRoute } from '@/lib/server/exports/frame';
import { optionalYear } from '@/lib/search-params';
import { buildTableExport, moneyCell } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

/**
 * GET (optionally ?year=2026): budget execution per programme and per year as .xlsx, with the
 * figures of the programmes page. Committee only.
 */
export const GET = exportRoute({
  roles: ['committee'],
  file: async ({ params, locale, today }) => {
    const year = optionalYear(params.get('year') ?? undefined);
    const db = getDb();
    const [perProgramme, perYear, t, tr] = await Promise.all([
      programmeBudgets(db, { year }),
      yearBudgets(db, { year }),
      getTranslations({ locale, namespace: 'review.programmes' }),
      getTranslations({ locale, namespace: 'review' }),
    ]);
    const money = [
      { heading: t('budget'), width: 14, format: 'wan' as const },
      { heading: t('committed'), width: 14, format: 'wan' as const },
      { heading: t('paid'), width: 14, format: 'wan' as const },
      { heading: t('remaining'), width: 14, format: 'wan' as const },
      { heading: `${t('rate')} (%)`, width: 10, format: 'percent' as const },
      { heading: t('awards'), width: 8, format: 'int' as const },
    ];
    const figures = (b: { budgetFen: number; committedFen: number; paidFen: number; remainingFen: number; executionRate: number | null; awards: number }) => [
      moneyCell(locale, b.budgetFen),
      moneyCell(locale, b.committedFen),
      moneyCell(locale, b.paidFen),
      moneyCell(locale, b.remainingFen),
      b.executionRate,
      b.awards,
    ];
    const bytes = await buildTableExport([
      {
        name: t('sheetProgrammes'),
        columns: [
          { heading: t('year'), width: 8, format: 'int' },
          { heading: t('code'), width: 14, format: 'text' },
          { heading: t('name'), width: 32 },
          { heading: t('category'), width: 18 },
          ...money,
        ],
        rows: perProgramme.map((p) => [p.year, p.code, locale === 'en' ? p.nameEn : p.nameZh, tr(`categories.${p.category}`), ...figures(p)]),
      },
      {
        name: t('sheetYears'),
        columns: [{ heading: t('year'), width: 8, format: 'int' }, { heading: t('programmes'), width: 10, format: 'int' }, ...money],
        rows: perYear.map((y) => [y.year, y.programmes, ...figures(y)]),
      },
    ]);
    const suffix = year ? `${year}` : today;
    return { bytes, rows: perProgramme.length + perYear.length, asciiName: `budget-execution-${suffix}.xlsx`, utf8Name: `${t('budgetTitle')}-${suffix}.xlsx` };
  },
});
