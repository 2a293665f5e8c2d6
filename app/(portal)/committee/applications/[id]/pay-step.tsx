'use client';

import { useLocale } from 'next-intl';
import { useState } from 'react';
import { moneyFigure, parseAmountToFen } from '@/lib/money';
import { Field, inputClass, primaryButton } from '@/components/forms/form-kit';
import { payAction } from './actions';
import { AmountInput, ConfirmStep, StepForm, StepSubmit, useStep, yuan, type StepProps } from './step-frame';

export function PayForm({ ctx, onDone }: StepProps) {
  const locale = useLocale();
  const step = useStep(payAction, onDone);
  const { form, send, t } = step;
  const [confirming, setConfirming] = useState<FormData | null>(null);
  const amountOf = (data: FormData) => parseAmountToFen(String(data.get('amountFen') ?? ''));
  return (
    <StepForm step={step} name="pay" ctx={ctx} onSubmit={setConfirming}>
      <AmountInput
        form={form}
        name="amountFen"
        label={t('payAmount')}
        hint={t('payHint', { payable: moneyFigure(locale, ctx.payableFen) })}
        defaultValue={yuan(ctx.payableFen)}
      />
      <Field form={form} name="paidOn" label={t('paidOn')}>
        <input name="paidOn" type="date" max={ctx.today} defaultValue={ctx.today} className={inputClass} {...form.aria('paidOn')} />
      </Field>
      <Field form={form} name="voucherNo" label={t('voucherNo')}>
        <input name="voucherNo" maxLength={60} autoComplete="off" className={inputClass} {...form.aria('voucherNo')} />
      </Field>
      {confirming ? (
        <ConfirmStep
          step={step}
          name="confirm-pay"
          text={t('confirmPay', {
            amount: (() => {
              const fen = amountOf(confirming);
              return fen === null ? String(confirming.get('amountFen') ?? '') : moneyFigure(locale, fen);
            })(),
            voucher: String(confirming.get('voucherNo') ?? ''),
          })}
          yes={t('confirmPayYes')}
          yesClass={primaryButton}
          onYes={() => {
            send(confirming);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <StepSubmit step={step} label={t('paySubmit')} className={primaryButton} />
      )}
    </StepForm>
  );
}
