import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { localeOf, xlsxResponse } from '@/lib/server/http';
import { getDb } from '@/db/client';
import { programmeBudgets, yearBudgets } from '@/db/queries/subsidies/programmes';
import { auditExport } from '@/lib/server/access-audit';
import { authorizeRequest } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { buildTableExport, wanCell } from '@/lib/spreadsheet/table-export';

export const dynamic = 'force-dynamic';

/**
 * GET (optionally ?year=2026): budget execution per programme and per year as .xlsx, with the
 * figures of the programmes page. Committee only.
 */
export async function GET(request: Request) {
  const auth = await authorizeRequest('committee');
  if ('response' in auth) return auth.response;
  const year = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined).parse(new URL(request.url).searchParams.get('year') || undefined);
  const locale = localeOf(request);
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
    wanCell(b.budgetFen),
    wanCell(b.committedFen),
    wanCell(b.paidFen),
    wanCell(b.remainingFen),
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
  await auditExport(auth.user, request, perProgramme.length + perYear.length);
  const today = todayInShanghai();
  const suffix = year ? `${year}` : today;
  return xlsxResponse(bytes, `budget-execution-${suffix}.xlsx`, `${t('budgetTitle')}-${suffix}.xlsx`);
}
