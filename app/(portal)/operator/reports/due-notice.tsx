import { getTranslations } from 'next-intl/server';
import { daysUntilDue, quarterDueDate } from '@/lib/domain/reporting';

/** The quarter's due date and whether it has passed (then a first filing is marked late). */
export async function DueNotice({ year, quarter, today }: { year: number; quarter: number; today: string }) {
  const t = await getTranslations('reports');
  const days = daysUntilDue(year, quarter, today);
  const passed = days < 0;
  return (
    <p
      className={`mb-4 rounded-md border px-3 py-2 text-sm ${passed ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-sky-200 bg-sky-50 text-sky-900'}`}
    >
      <strong className="font-semibold">{t('dueDate', { date: quarterDueDate(year, quarter) })}</strong>{' '}
      {passed ? t('duePassed') : days === 0 ? t('dueToday') : t('dueIn', { days })}
    </p>
  );
}
