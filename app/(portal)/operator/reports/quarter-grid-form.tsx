'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { notice, SubmitBar, useActionForm } from '@/components/forms/form-kit';
import { MONEY_FIELDS, REPORT_FIELDS, type ReportField } from '@/lib/validation/report-fields';
import { saveQuarterAction } from './actions';
import { collectRowErrors, FiledStatus, type RowErrors } from './report-cells';

export type GridRowView = {
  ventureId: number;
  name: string;
  creditCode: string | null;
  leftOn: string | null;
  /** The filed figures as typed values (yuan for amounts), or null when not filed here. */
  inputs: Record<ReportField, string> | null;
  filedOn: string | null;
  late: boolean;
  filedElsewhere: boolean;
  singleHref: string;
};

const cellName = (ventureId: number, field: ReportField) => `v${ventureId}.${field}`;

/**
 * The quarter's grid: one row per venture, one input per figure, saved together by one submit
 * in one transaction. Inputs are uncontrolled, so whatever was typed stays after an error.
 */
export function QuarterGridForm({
  carrierId,
  year,
  quarter,
  caption,
  rows,
}: {
  carrierId: number;
  year: number;
  quarter: number;
  caption: string;
  rows: GridRowView[];
}) {
  const t = useTranslations('reports');
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useActionForm(saveQuarterAction);
  // The grid's errors are by row and cell (`rows.3.cashFen`), not by field name.
  const [errors, setErrors] = useState<RowErrors>({});

  useEffect(() => {
    if (Object.keys(errors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const sent: { view: GridRowView; values: Record<string, string> }[] = [];
    for (const view of rows) {
      if (view.filedElsewhere) continue;
      const values = Object.fromEntries(REPORT_FIELDS.map((f) => [f, String(data.get(cellName(view.ventureId, f)) ?? '')]));
      const typed = REPORT_FIELDS.some((f) => values[f]!.trim() !== '');
      const changed = view.inputs ? REPORT_FIELDS.some((f) => values[f]!.trim() !== view.inputs![f]) : typed;
      if (changed) sent.push({ view, values });
    }
    if (sent.length === 0) {
      setErrors({});
      form.setOutcome(notice('info', rows.some((r) => r.inputs) ? t('nothingChanged') : t('nothingToSave')));
      return;
    }
    form.submit(
      { carrierId, year, quarter, rows: sent.map(({ view, values }) => ({ ventureId: view.ventureId, ...values })) },
      (data) => {
        setErrors({});
        form.setOutcome(notice('ok', data.saved > 0 ? t('savedCount', { count: data.saved }) : t('nothingChanged')));
        router.refresh();
      },
      (result) => {
        const { byVenture, count, other } = collectRowErrors(
          result.fieldErrors,
          sent.map((s) => s.view.ventureId),
        );
        setErrors(byVenture);
        const detail = count > 0 ? t('cellErrors', { count }) : '';
        form.setOutcome(notice('error', [result.message, detail, ...other].filter(Boolean).join(' ')));
      },
    );
  }

  const th = 'border-b border-slate-300 bg-slate-100 px-2 py-2 text-left font-medium text-slate-800';
  const td = 'border-b border-slate-200 px-2 py-1.5 align-top';
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={caption}>
      <p className="mb-3 text-sm text-slate-700">{t('gridHint')}</p>
      <div className="max-h-[70vh] overflow-auto rounded-md border border-slate-300">
        <table className="min-w-max border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${th} sticky left-0 top-0 z-30 min-w-56`}>
                {t('venture')} / {t('status')}
              </th>
              {REPORT_FIELDS.map((f) => (
                <th key={f} scope="col" className={`${th} sticky top-0 z-20 whitespace-nowrap text-right`}>
                  {t(`fields.${f}`)}
                  {MONEY_FIELDS.has(f) ? t('yuanUnit') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const rowErrors = errors[row.ventureId];
              return (
                <tr key={row.ventureId} className={rowErrors ? 'bg-red-50' : 'bg-white'}>
                  <th scope="row" className={`${td} sticky left-0 z-10 max-w-64 text-left font-normal ${rowErrors ? 'bg-red-50' : 'bg-white'}`}>
                    <Link
                      href={row.singleHref}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      title={t('enterSingleFor', { venture: row.name })}
                    >
                      {row.name}
                    </Link>
                    {row.creditCode ? <span className="block font-mono text-xs text-slate-600">{row.creditCode}</span> : null}
                    <span className="mt-1 block text-xs">
                      <FiledStatus filedOn={row.filedOn} late={row.late} filedElsewhere={row.filedElsewhere} />
                    </span>
                    {row.leftOn ? <span className="block text-xs text-slate-600">{t('leftOn', { date: row.leftOn })}</span> : null}
                    {rowErrors?.row ? (
                      <span role="alert" className="mt-1 block text-xs text-red-700">
                        {t('rowRefused')}
                      </span>
                    ) : null}
                  </th>
                  {REPORT_FIELDS.map((f) => {
                    const error = rowErrors?.cells[f];
                    const errorId = `err-${row.ventureId}-${f}`;
                    return (
                      <td key={f} className={td}>
                        <input
                          name={cellName(row.ventureId, f)}
                          defaultValue={row.inputs?.[f] ?? ''}
                          disabled={row.filedElsewhere}
                          inputMode={MONEY_FIELDS.has(f) ? 'decimal' : 'numeric'}
                          autoComplete="off"
                          aria-label={t('cellLabel', { venture: row.name, field: t(`fields.${f}`) })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          className={`${MONEY_FIELDS.has(f) ? 'w-32' : 'w-20'} rounded border px-2 py-1 text-right tabular-nums disabled:bg-slate-100 ${
                            error ? 'border-red-600 bg-white' : 'border-slate-300'
                          }`}
                        />
                        {error ? (
                          <span id={errorId} className="mt-0.5 block max-w-32 text-xs text-red-700">
                            {error}
                          </span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubmitBar pending={form.pending} label={t('save')} pendingLabel={t('saving')} outcome={form.outcome} className="mt-4" />
    </form>
  );
}
