'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClass, primaryButton } from '@/components/forms/form-kit';
import { reviewAction } from './actions';
import { AmountInput, StepForm, StepSubmit, useStep, type StepProps } from './step-frame';
import { RECOMMENDATIONS } from '@/lib/domain/vocabulary';

export function ReviewForm({ ctx, onDone }: StepProps) {
  const step = useStep(reviewAction, onDone);
  const { form, send, t } = step;
  const tr = useTranslations('review');
  const ta = useTranslations('reviewAudiences');
  return (
    <StepForm step={step} name="review" ctx={ctx} onSubmit={send}>
      <Field form={form} name="score" label={t('score')}>
        <input name="score" type="number" min={0} max={100} step={1} required className={`${inputClass} max-w-32`} {...form.aria('score')} />
      </Field>
      <Field form={form} name="recommendation" label={t('recommendation')}>
        <select name="recommendation" defaultValue="fund" className={inputClass} {...form.aria('recommendation')}>
          {RECOMMENDATIONS.map((r) => (
            <option key={r} value={r}>
              {tr(`recommendations.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <AmountInput form={form} name="recommendedFen" label={t('recommendedAmount')} />
      <Field form={form} name="comment" label={t('reviewComment')} hint={ta('reviewInternal')}>
        <textarea name="comment" rows={3} maxLength={4000} className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('reviewSubmit')} className={primaryButton} />
    </StepForm>
  );
}
