'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { FormField } from '@/components/forms/field';
import { SubmitBar, type Notice } from '@/components/forms/submit-bar';
import { MONEY_FIELDS, REPORT_FIELDS, type ReportField } from '@/lib/validation/report-fields';
import { saveQuarterAction } from '../actions';
import { collectRowErrors, FiledStatus } from '../report-cells';

/** One venture's figures for the quarter, held to the grid's rules and saved the same way. */
export function VentureReportForm({
  carrierId,
  year,
  quarter,
  ventureId,
  inputs,
  filedOn,
  late,
  filedElsewhere,
}: {
  carrierId: number;
  year: number;
  quarter: number;
  ventureId: number;
  inputs: Record<ReportField, string> | null;
  filedOn: string | null;
  late: boolean;
  filedElsewhere: boolean;
}) {
  const t = useTranslations('reports');
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [values, setValues] = useState<Record<ReportField, string>>(
    () => inputs ?? (Object.fromEntries(REPORT_FIELDS.map((f) => [f, ''])) as Record<ReportField, string>),
  );
  const [cellErrors, setCellErrors] = useState<Partial<Record<ReportField, string>>>({});
  const [outcome, setOutcome] = useState<Notice>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const result = await saveQuarterAction({ carrierId, year, quarter, rows: [{ ventureId, ...values }] });
      if (result.ok) {
        setCellErrors({});
        setOutcome({ kind: result.data.saved > 0 ? 'ok' : 'info', text: result.data.saved > 0 ? result.message : t('nothingChanged') });
        router.refresh();
        return;
      }
      const { byVenture, other } = collectRowErrors(result.fieldErrors, [ventureId]);
      const mine = byVenture[ventureId];
      setCellErrors(mine?.cells ?? {});
      setOutcome({ kind: 'error', text: [result.message, mine?.row ? t('rowRefused') : '', ...other].filter(Boolean).join(' ') });
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('single.formTitle')}>
      <p className="mb-4 text-sm">
        <span className="mr-2 text-slate-700">{t('single.status')}:</span>
        <FiledStatus filedOn={filedOn} late={late} filedElsewhere={filedElsewhere} />
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {REPORT_FIELDS.map((f) => {
          const error = cellErrors[f];
          return (
            <FormField
              key={f}
              controlId={`${id}-${f}`}
              label={
                <>
                  {t(`fields.${f}`)}
                  {MONEY_FIELDS.has(f) ? t('yuanUnit') : ''}
                </>
              }
              error={error}
            >
              <input
                id={`${id}-${f}`}
                name={f}
                value={values[f]}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
                disabled={filedElsewhere}
                inputMode={MONEY_FIELDS.has(f) ? 'decimal' : 'numeric'}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${f}-error` : undefined}
                className={`mt-1 block w-full rounded-md border px-3 py-2 text-right text-sm tabular-nums disabled:bg-slate-100 ${
                  error ? 'border-red-600' : 'border-slate-300'
                }`}
              />
            </FormField>
          );
        })}
      </div>
      <SubmitBar pending={pending} label={t('single.save')} pendingLabel={t('saving')} notice={outcome} disabled={filedElsewhere} className="mt-5" />
    </form>
  );
}
