'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Field, labelClass, notice, OutcomeMessage, SubmitButton, useActionForm } from '@/components/forms/form-kit';
import type { EndReason } from '@/lib/domain/residency';
import { endStay } from './actions';

/**
 * Ending a stay in two steps: choose the reason and date, then confirm a summary of what will
 * happen, because the venture leaves the carrier and this is hard to undo.
 */
export function ExitForm(props: {
  ventureId: number;
  residencyId: number;
  version: number;
  name: string;
  carrierName: string;
  enteredOn: string;
  reasons: EndReason[];
  today: string;
}) {
  const t = useTranslations('residency');
  const tValidation = useTranslations('validation');
  const tOutcome = useTranslations('outcome');
  const formId = useId();
  const [values, setValues] = useState({ reason: '', leftOn: props.today });
  const [step, setStep] = useState<'edit' | 'confirm' | 'done'>('edit');
  const form = useActionForm(endStay);
  const { pending } = form;
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmHeading.current?.focus();
    if (step === 'done') doneRef.current?.focus();
  }, [step]);

  function next(e: React.FormEvent) {
    e.preventDefault();
    const fieldErrors: Record<string, string[]> = {};
    if (!values.reason) fieldErrors.reason = [t('fields.chooseReason')];
    if (!values.leftOn) fieldErrors.leftOn = [tValidation('required')];
    if (Object.keys(fieldErrors).length) {
      form.setErrors(fieldErrors);
      form.setOutcome(notice('error', tOutcome('invalid')));
      return;
    }
    form.reset();
    setStep('confirm');
  }

  function confirm() {
    form.submit(
      { ventureId: props.ventureId, residencyId: props.residencyId, version: props.version, ...values },
      () => setStep('done'),
      () => setStep('edit'),
    );
  }

  if (step === 'done') {
    return (
      <div ref={doneRef} tabIndex={-1} className="space-y-4 outline-none">
        <OutcomeMessage outcome={notice('ok', t('exit.success', { name: props.name }))}>
          <p className="mt-1">{t(`reasonEffects.${values.reason as EndReason}`)}</p>
        </OutcomeMessage>
        <div className="flex flex-wrap gap-3">
          <Link href={`/operator/ventures/${props.ventureId}`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('common.viewVenture')}
          </Link>
          <Link href="/operator/ventures" className="rounded-md border border-slate-400 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
            {t('common.backToList')}
          </Link>
        </div>
      </div>
    );
  }

  if (step === 'confirm') {
    const reason = values.reason as EndReason;
    return (
      <section aria-labelledby={`${formId}-confirm`} className="space-y-4">
        <h2 id={`${formId}-confirm`} ref={confirmHeading} tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
          {t('exit.confirmTitle')}
        </h2>
        <p className="text-sm text-slate-800">
          {t('exit.confirmBody', { name: props.name, carrier: props.carrierName, date: values.leftOn, reason: t(`reasons.${reason}`) })}
        </p>
        <p className="text-sm text-slate-800">{t(`reasonEffects.${reason}`)}</p>
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">{t('exit.confirmWarning')}</p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={confirm}
            disabled={pending}
            className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {pending ? t('common.submitting') : t('exit.confirm')}
          </button>
          <button
            type="button"
            onClick={() => setStep('edit')}
            disabled={pending}
            className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('exit.back')}
          </button>
        </div>
      </section>
    );
  }

  const reasonErrors = form.errors.reason ?? [];
  return (
    <form onSubmit={next} noValidate aria-label={t('exit.title')} className="space-y-5">
      <OutcomeMessage outcome={form.outcome} />
      <fieldset aria-describedby={reasonErrors.length ? `${formId}-reason-error` : undefined}>
        <legend className={labelClass}>{t('fields.reason')}</legend>
        <div className="mt-2 space-y-2">
          {props.reasons.map((r) => (
            <label key={r} className={`flex gap-3 rounded-md border p-3 text-sm ${values.reason === r ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}>
              <input
                type="radio"
                name="reason"
                value={r}
                checked={values.reason === r}
                onChange={() => setValues((v) => ({ ...v, reason: r }))}
                aria-invalid={reasonErrors.length > 0 || undefined}
                className="mt-0.5"
              />
              <span>
                <span className="block font-medium text-slate-900">{t(`reasons.${r}`)}</span>
                <span className="block text-slate-700">{t(`reasonEffects.${r}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {reasonErrors.length ? (
          <p id={`${formId}-reason-error`} className="mt-1 text-sm text-red-700">
            {reasonErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field form={form} name="leftOn" label={t('fields.leftOn')} className="max-w-xs">
        <input
          {...form.control('leftOn')}
          type="date"
          min={props.enteredOn}
          max={props.today}
          value={values.leftOn}
          onChange={(e) => setValues((v) => ({ ...v, leftOn: e.target.value }))}
        />
      </Field>
      <SubmitButton pending={false} label={t('exit.continue')} pendingLabel={t('exit.continue')} />
    </form>
  );
}
