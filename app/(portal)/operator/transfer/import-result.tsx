'use client';

import { useTranslations } from 'next-intl';

export type ImportError = { row: number; column: string; message: string };
export type ImportOutcome =
  { ok: true; written: number; changed?: number; warned?: number } | { ok: false; errors: ImportError[]; errorCount: number; message?: string };

/** What an import came to: the rows written, or the error report and the note that nothing was written. */
export function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const t = useTranslations('transfer.import');
  if (outcome.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm font-medium text-emerald-900">
        {t('written', { count: outcome.written })}
      </p>
    );
  }
  if (outcome.errors.length === 0) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {outcome.message ?? t('unexpected')}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p className="font-medium">{t('failed', { count: outcome.errorCount })}</p>
        {outcome.errorCount > outcome.errors.length ? <p className="mt-1">{t('shownOf', { shown: outcome.errors.length })}</p> : null}
      </div>
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label={t('errorsCaption')}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('errorsCaption')}</caption>
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th scope="col" className="w-20 px-3 py-2 text-right font-medium text-slate-700">
                {t('row')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                {t('column')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                {t('message')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {outcome.errors.map((e, i) => (
              <tr key={`${e.row}-${i}`}>
                <td className="px-3 py-2 text-right tabular-nums">{e.row}</td>
                <td className="px-3 py-2 text-slate-800">{e.column || '—'}</td>
                <td className="px-3 py-2 text-slate-900">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
