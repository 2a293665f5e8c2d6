'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useState } from 'react';
import { moneyFigure } from '@/lib/money';
import { dangerButton, Field, inputClass, primaryButton } from '@/components/forms/form-kit';
import { decideAction } from './actions';
import { AmountInput, ConfirmStep, StepForm, StepSubmit, useStep, type StepProps } from './step-frame';

export function DecideForm({ ctx, onDone, canApprove, canReject }: StepProps & { canApprove: boolean; canReject: boolean }) {
  const locale = useLocale();
  const step = useStep(decideAction, onDone);
  const { form, send, t } = step;
  const ta = useTranslations('reviewAudiences');
  const [decision, setDecision] = useState<'approve' | 'reject'>(canApprove ? 'approve' : 'reject');
  const [confirming, setConfirming] = useState<FormData | null>(null);
  return (
    <StepForm
      step={step}
      name="decide"
      ctx={ctx}
      onSubmit={(data) => {
        if (decision === 'reject') setConfirming(data);
        else send(data);
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('decision')}</legend>
        <div className="mt-2 flex gap-4">
          {canApprove ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="decision"
                value="approve"
                checked={decision === 'approve'}
                onChange={() => setDecision('approve')}
                className="h-4 w-4"
              />
              {t('approve')}
            </label>
          ) : null}
          {canReject ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="decision"
                value="reject"
                checked={decision === 'reject'}
                onChange={() => {
                  setDecision('reject');
                  setConfirming(null);
                }}
                className="h-4 w-4"
              />
              {t('reject')}
            </label>
          ) : null}
        </div>
      </fieldset>
      <div hidden={decision !== 'approve'} className="space-y-3">
        <AmountInput
          form={form}
          name="approvedFen"
          label={t('approvedAmount')}
          hint={t('approvedHint', { requested: moneyFigure(locale, ctx.requestedFen), cap: moneyFigure(locale, ctx.capFen) })}
        />
        <Field form={form} name="inspectionDueOn" label={t('inspectionDueOn')}>
          <input name="inspectionDueOn" type="date" min={ctx.today} className={inputClass} {...form.aria('inspectionDueOn')} />
        </Field>
        <Field form={form} name="comment" label={t('decisionComment')} hint={ta('forApplicant')}>
          <textarea name="comment" rows={2} maxLength={2000} className={inputClass} {...form.aria('comment')} />
        </Field>
      </div>
      <div hidden={decision !== 'reject'}>
        <Field form={form} name="reason" label={t('rejectReason')} hint={ta('forApplicant')}>
          <textarea name="reason" rows={3} maxLength={2000} className={inputClass} {...form.aria('reason')} />
        </Field>
      </div>
      {confirming ? (
        <ConfirmStep
          step={step}
          name="confirm-reject"
          text={t('confirmReject')}
          yes={form.pending ? t('pending') : t('confirmRejectYes')}
          yesClass={dangerButton}
          onYes={() => send(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <StepSubmit
          step={step}
          label={decision === 'reject' ? t('rejectSubmit') : t('approveSubmit')}
          className={decision === 'reject' ? dangerButton : primaryButton}
        />
      )}
    </StepForm>
  );
}
