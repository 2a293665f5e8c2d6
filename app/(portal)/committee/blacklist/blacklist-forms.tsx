'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { dangerButton, Field, inputClass, OutcomeMessage, primaryButton, secondaryButton, useActionForm } from '@/components/forms/form-kit';
import { addBlacklistAction, liftBlacklistAction } from './actions';
import { CarrierOptions } from '@/components/forms/picker-select';

/**
 * A new entry: a venture by its credit code and name, or a carrier from the list, with the
 * fields of 沪科规〔2024〕12号. What was typed stays when the server refuses.
 */
export function AddEntryForm({ carriers, today }: { carriers: { id: number; name: string }[]; today: string }) {
  const t = useTranslations('review.blacklist');
  const tr = useTranslations('review.steps');
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useActionForm(addBlacklistAction);
  const [subjectType, setSubjectType] = useState<'venture' | 'carrier'>('venture');
  const ref = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={ref}
      noValidate
      aria-label={t('add')}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(new FormData(e.currentTarget), () => {
          ref.current?.reset();
          form.setOutcome({ kind: 'ok', text: t('added'), details: [] });
          router.refresh();
        });
      }}
    >
      <OutcomeMessage outcome={form.outcome} />
      <p className="text-sm text-slate-600">{t('addHint')}</p>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('subjectType')}</legend>
        <div className="mt-2 flex gap-4">
          {(['venture', 'carrier'] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input type="radio" name="subjectType" value={v} checked={subjectType === v} onChange={() => setSubjectType(v)} className="h-4 w-4" />
              {t(`subjectTypes.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {subjectType === 'venture' ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Field form={form} name="creditCode" label={t('creditCode')}>
            <input name="creditCode" maxLength={18} autoComplete="off" className={`${inputClass} font-mono uppercase`} {...form.aria('creditCode')} />
          </Field>
          <Field form={form} name="subjectName" label={t('subjectName')}>
            <input name="subjectName" maxLength={200} className={inputClass} {...form.aria('subjectName')} />
          </Field>
        </div>
      ) : (
        <Field form={form} name="carrierId" label={t('carrier')}>
          <select name="carrierId" defaultValue="" className={inputClass} {...form.aria('carrierId')}>
            <option value="">{t('chooseCarrier')}</option>
            <CarrierOptions carriers={carriers} />
          </select>
        </Field>
      )}
      <Field form={form} name="misconduct" label={t('misconduct')}>
        <textarea name="misconduct" rows={3} maxLength={4000} className={inputClass} {...form.aria('misconduct')} />
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field form={form} name="outcome" label={t('outcome')}>
          <textarea name="outcome" rows={2} maxLength={2000} className={inputClass} {...form.aria('outcome')} />
        </Field>
        <Field form={form} name="legalBasis" label={t('legalBasis')}>
          <textarea name="legalBasis" rows={2} maxLength={2000} className={inputClass} {...form.aria('legalBasis')} />
        </Field>
        <Field form={form} name="handlingBody" label={t('handlingBody')}>
          <input name="handlingBody" maxLength={200} className={inputClass} {...form.aria('handlingBody')} />
        </Field>
        <Field form={form} name="effectiveOn" label={t('effectiveOn')}>
          <input name="effectiveOn" type="date" defaultValue={today} className={inputClass} {...form.aria('effectiveOn')} />
        </Field>
        <Field form={form} name="sanctionEndsOn" label={t('sanctionEndsOn')} hint={t('sanctionHint')}>
          <input name="sanctionEndsOn" type="date" className={inputClass} {...form.aria('sanctionEndsOn', true)} />
        </Field>
      </div>
      <button type="submit" disabled={!hydrated || form.pending} className={dangerButton}>
        {form.pending ? tr('pending') : t('addSubmit')}
      </button>
    </form>
  );
}

/** Lifting an entry: the date and the reason, then a confirmation. */
export function LiftEntry({ entryId, name, today }: { entryId: number; name: string; today: string }) {
  const t = useTranslations('review.blacklist');
  const tr = useTranslations('review.steps');
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useActionForm(liftBlacklistAction);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<FormData | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        disabled={!hydrated}
        onClick={() => setOpen(true)}
        className={`${secondaryButton} whitespace-nowrap px-2 py-1 text-xs`}
        aria-label={t('liftTitle', { name })}
      >
        {t('lift')}
      </button>
    );
  }
  return (
    <form
      noValidate
      aria-label={t('liftTitle', { name })}
      className="min-w-64 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(new FormData(e.currentTarget));
      }}
    >
      <OutcomeMessage outcome={form.outcome} />
      <input type="hidden" name="entryId" value={entryId} />
      <Field form={form} name="liftedOn" label={t('liftedOn')}>
        <input name="liftedOn" type="date" defaultValue={today} max={today} className={inputClass} {...form.aria('liftedOn')} />
      </Field>
      <Field form={form} name="reason" label={t('liftReason')}>
        <textarea name="reason" rows={2} maxLength={2000} className={inputClass} {...form.aria('reason')} />
      </Field>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={form.idOf('confirm')} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2">
          <p id={form.idOf('confirm')} className="text-sm font-medium text-amber-900">
            {t('confirmLift', { name })}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              disabled={form.pending}
              className={primaryButton}
              onClick={() => {
                form.submit(confirming, () => router.refresh());
                setConfirming(null);
              }}
            >
              {t('confirmLiftYes')}
            </button>
            <button type="button" onClick={() => setConfirming(null)} className={secondaryButton}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex gap-2">
          <button type="submit" disabled={form.pending} className={primaryButton}>
            {form.pending ? tr('pending') : t('liftSubmit')}
          </button>
          <button type="button" onClick={() => setOpen(false)} className={secondaryButton}>
            {t('cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
