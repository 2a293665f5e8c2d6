'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { notice, SubmitBar, useActionForm } from '@/components/forms/form-kit';
import { MONEY_FIELDS, REPORT_FIELDS, type ReportField } from '@/lib/validation/report-fields';
import { saveQuarterAction } from './actions';
import { cellId, GridErrorList, revealCells } from './grid-errors';
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
 * Below the md breakpoint the same table is laid out by CSS as one card per venture, each figure
 * with its visible label; the inputs and the submission are the same.
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const form = useActionForm(saveQuarterAction);
  // The grid's errors are by row and cell (`rows.3.cashFen`), not by field name.
  const [errors, setErrors] = useState<RowErrors>({});

  // After a refused save: every erroneous row's first invalid cell is scrolled into view as far
  // as they fit side by side, and the first one is focused.
  useEffect(() => {
    const container = scrollRef.current;
    if (!container || Object.keys(errors).length === 0) return;
    const firstOfRows = rows.flatMap((row) => {
      const e = errors[row.ventureId];
      const field = e && (REPORT_FIELDS.find((f) => e.cells[f]) ?? (e.row ? REPORT_FIELDS[0] : undefined));
      const input = field ? document.getElementById(cellId(row.ventureId, field)) : null;
      return input ? [input] : [];
    });
    revealCells(container, firstOfRows);
  }, [errors, rows]);

  function reveal(ventureId: number, field: string) {
    const input = document.getElementById(cellId(ventureId, field));
    if (scrollRef.current && input) revealCells(scrollRef.current, [input]);
  }

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
  // Below md each row is a card: its name on top, then one line per figure (label and input).
  const td =
    'max-md:flex max-md:flex-wrap max-md:items-center max-md:justify-between max-md:gap-x-3 max-md:py-1 md:border-b md:border-slate-200 md:px-2 md:py-1.5 md:align-top';
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={caption}>
      <p className="mb-3 text-sm text-slate-700">{t('gridHint')}</p>
      <GridErrorList errors={errors} names={rows} onReveal={reveal} />
      <div ref={scrollRef} className="md:max-h-[70vh] md:overflow-auto md:rounded-md md:border md:border-slate-300">
        <table className="border-separate border-spacing-0 text-sm max-md:block max-md:w-full md:w-full">
          <caption className="sr-only">{caption}</caption>
          <thead className="max-md:hidden">
            <tr>
              <th scope="col" data-sticky-column className={`${th} sticky left-0 top-0 z-30 min-w-44 border-r align-bottom`}>
                {t('venture')} / {t('status')}
              </th>
              {REPORT_FIELDS.map((f) => (
                <th key={f} scope="col" className={`${th} sticky top-0 z-20 text-right align-bottom [word-break:keep-all]`}>
                  {t(`fields.${f}`)}
                  {MONEY_FIELDS.has(f) ? t('yuanUnit') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-md:block max-md:space-y-3">
            {rows.map((row) => {
              const rowErrors = errors[row.ventureId];
              return (
                <tr
                  key={row.ventureId}
                  className={`max-md:block max-md:rounded-md max-md:border max-md:border-slate-300 max-md:px-3 max-md:py-2 ${rowErrors ? 'bg-red-50' : 'bg-white'}`}
                >
                  <th
                    scope="row"
                    className={`text-left font-normal max-md:mb-1 max-md:block max-md:border-b max-md:pb-1 max-md:border-slate-200 md:sticky md:left-0 md:z-10 md:max-w-64 md:border-b md:border-r md:border-slate-200 md:px-2 md:py-1.5 md:align-top ${
                      rowErrors ? 'bg-red-50' : 'bg-white'
                    }`}
                  >
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
                    const id = cellId(row.ventureId, f);
                    return (
                      <td key={f} className={td}>
                        <label htmlFor={id} className="text-slate-700 md:hidden">
                          {t(`fields.${f}`)}
                          {MONEY_FIELDS.has(f) ? t('yuanUnit') : ''}
                        </label>
                        <input
                          id={id}
                          name={cellName(row.ventureId, f)}
                          defaultValue={row.inputs?.[f] ?? ''}
                          disabled={row.filedElsewhere}
                          inputMode={MONEY_FIELDS.has(f) ? 'decimal' : 'numeric'}
                          autoComplete="off"
                          aria-label={t('cellLabel', { venture: row.name, field: t(`fields.${f}`) })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          className={`${MONEY_FIELDS.has(f) ? 'w-[6.5rem]' : 'w-[4.5rem]'} rounded max-md:w-36 border px-2 py-1 text-right tabular-nums disabled:bg-slate-100 ${
                            error ? 'border-red-600 bg-white' : 'border-slate-300'
                          }`}
                        />
                        {error ? (
                          <span id={errorId} className="mt-0.5 block text-xs text-red-700 max-md:basis-full max-md:text-right md:max-w-[6.5rem]">
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
