'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useState } from 'react';
import { moneyFigure } from '@/lib/money';
import { dangerButton, Field, inputClass, primaryButton } from '@/components/forms/form-kit';
import { inspectAction } from './actions';
import { AmountInput, StepForm, StepSubmit, useStep, yuan, type StepProps } from './step-frame';

export function InspectForm({ ctx, onDone }: StepProps) {
  const locale = useLocale();
  const step = useStep(inspectAction, onDone);
  const { form, send, t } = step;
  const ta = useTranslations('reviewAudiences');
  const [passed, setPassed] = useState<'true' | 'false'>('true');
  const postSubsidy = ctx.fundingMode === 'post_subsidy';
  return (
    <StepForm step={step} name="inspect" ctx={ctx} onSubmit={send}>
      {ctx.indicators.map((i) => (
        <div key={i.id} className="rounded border border-slate-100 p-2">
          <Field
            form={form}
            name={`actual_${i.id}`}
            label={t(i.unit ? 'actualValue' : 'actualValueCount', { name: i.name, unit: i.unit, target: i.targetValue })}
          >
            <input name={`actual_${i.id}`} inputMode="decimal" className={inputClass} {...form.aria(`actual_${i.id}`)} />
          </Field>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name={`met_${i.id}`} value="true" className="h-4 w-4" />
            {t('indicatorPassed', { name: i.name })}
          </label>
        </div>
      ))}
      {form.errors.actuals?.length ? (
        <ul className="text-sm text-red-800">
          {form.errors.actuals.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('result')}</legend>
        <div className="mt-2 flex gap-4">
          {(['true', 'false'] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input type="radio" name="passed" value={v} checked={passed === v} onChange={() => setPassed(v)} className="h-4 w-4" />
              {v === 'true' ? t('pass') : t('fail')}
            </label>
          ))}
        </div>
      </fieldset>
      {postSubsidy && passed === 'true' ? (
        <AmountInput
          form={form}
          name="finalFen"
          label={t('finalAmount')}
          hint={t('finalHint', { approved: moneyFigure(locale, ctx.approvedFen ?? 0) })}
          defaultValue={ctx.approvedFen ? yuan(ctx.approvedFen) : ''}
        />
      ) : null}
      <Field form={form} name="comment" label={t('inspectComment')} hint={ta('forApplicant')}>
        <textarea name="comment" rows={3} maxLength={4000} required className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('inspectSubmit')} className={passed === 'false' ? dangerButton : primaryButton} />
    </StepForm>
  );
}
