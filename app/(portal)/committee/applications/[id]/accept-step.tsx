'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClass, primaryButton, secondaryButton } from '@/components/forms/form-kit';
import { acceptAction, returnAction } from './actions';
import { StepForm, StepSubmit, useStep, type StepProps } from './step-frame';

export function AcceptForm({ ctx, onDone }: StepProps) {
  const step = useStep(acceptAction, onDone);
  const { form, send, t } = step;
  const ta = useTranslations('reviewAudiences');
  return (
    <StepForm step={step} name="accept" ctx={ctx} onSubmit={send}>
      <p className="text-sm text-slate-600">{t('acceptHint')}</p>
      <Field form={form} name="comment" label={t('acceptComment')} hint={ta('forApplicant')}>
        <textarea name="comment" rows={2} maxLength={2000} className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('acceptSubmit')} className={primaryButton} />
    </StepForm>
  );
}

export function ReturnForm({ ctx, onDone }: StepProps) {
  const step = useStep(returnAction, onDone);
  const { form, send, t } = step;
  return (
    <StepForm step={step} name="return" ctx={ctx} onSubmit={send}>
      <Field form={form} name="comment" label={t('returnComment')} hint={t('returnHint')}>
        <textarea name="comment" rows={3} maxLength={2000} required className={inputClass} {...form.aria('comment', true)} />
      </Field>
      <StepSubmit step={step} label={t('returnSubmit')} className={secondaryButton} />
    </StepForm>
  );
}
