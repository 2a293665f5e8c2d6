import { useTranslations } from 'next-intl';
import { REPORT_FIELDS, type ReportField } from '@/lib/validation/report-fields';

/** Errors of the rows on screen, by venture: a message per cell, and whether the row was refused. */
export type RowErrors = Record<number, { cells: Partial<Record<ReportField, string>>; row: boolean }>;

const FIELDS: readonly string[] = REPORT_FIELDS;

/**
 * Maps errors keyed `${rowIndex}.${field}` (the index into the rows sent) back to the ventures
 * on screen; anything not about a row is returned as a form-level message.
 */
export function collectRowErrors(fieldErrors: Record<string, string[]>, sentVentureIds: number[]) {
  const byVenture: RowErrors = {};
  const other: string[] = [];
  let count = 0;
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [index, field] = key.split('.');
    const ventureId = sentVentureIds[Number(index)];
    if (ventureId === undefined || field === undefined) {
      other.push(...messages);
      continue;
    }
    const entry = (byVenture[ventureId] ??= { cells: {}, row: false });
    count += 1;
    if (field === 'ventureId') entry.row = true;
    else if (FIELDS.includes(field)) entry.cells[field as ReportField] = messages[0];
    else other.push(...messages);
  }
  return { byVenture, count, other };
}

/** When a report was filed and whether late, or that it is missing. */
export function FiledStatus({ filedOn, late, filedElsewhere }: { filedOn: string | null; late: boolean; filedElsewhere?: boolean }) {
  const t = useTranslations('reports');
  if (filedElsewhere) return <span className="text-slate-700">{t('filedElsewhere')}</span>;
  if (!filedOn) return <span className="font-medium text-amber-800">{t('notFiled')}</span>;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap text-slate-700">
      {t('filedOn', { date: filedOn })}
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${late ? 'bg-amber-100 text-amber-900' : 'bg-emerald-50 text-emerald-800'}`}>
        {late ? t('late') : t('onTime')}
      </span>
    </span>
  );
}
