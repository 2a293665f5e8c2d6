'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, notice, SubmitBar, useActionForm } from '@/components/forms/form-kit';
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
  const form = useActionForm(saveQuarterAction);
  const [values, setValues] = useState<Record<ReportField, string>>(
    () => inputs ?? (Object.fromEntries(REPORT_FIELDS.map((f) => [f, ''])) as Record<ReportField, string>),
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.submit(
      { carrierId, year, quarter, rows: [{ ventureId, ...values }] },
      (data, result) => {
        if (data.saved === 0) form.setOutcome(notice('info', t('nothingChanged')));
        else form.setOutcome(notice('ok', result.message));
        router.refresh();
      },
      (result) => {
        // The errors of the one row (`rows.0.cashFen`) are those of its cells.
        const { byVenture, other } = collectRowErrors(result.fieldErrors, [ventureId]);
        const mine = byVenture[ventureId];
        form.setErrors(Object.fromEntries(Object.entries(mine?.cells ?? {}).map(([k, v]) => [k, [v]])));
        form.setOutcome(notice('error', [result.message, mine?.row ? t('rowRefused') : '', ...other].filter(Boolean).join(' ')));
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('single.formTitle')}>
      <p className="mb-4 text-sm">
        <span className="mr-2 text-slate-700">{t('single.status')}:</span>
        <FiledStatus filedOn={filedOn} late={late} filedElsewhere={filedElsewhere} />
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {REPORT_FIELDS.map((f) => {
          return (
            <Field
              key={f}
              form={form}
              name={f}
              label={
                <>
                  {t(`fields.${f}`)}
                  {MONEY_FIELDS.has(f) ? t('yuanUnit') : ''}
                </>
              }
            >
              <input
                {...form.control(f, { className: 'text-right tabular-nums' })}
                value={values[f]}
                onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
                disabled={filedElsewhere}
                inputMode={MONEY_FIELDS.has(f) ? 'decimal' : 'numeric'}
                autoComplete="off"
              />
            </Field>
          );
        })}
      </div>
      <SubmitBar pending={form.pending} label={t('single.save')} pendingLabel={t('saving')} outcome={form.outcome} disabled={filedElsewhere} className="mt-5" />
    </form>
  );
}
