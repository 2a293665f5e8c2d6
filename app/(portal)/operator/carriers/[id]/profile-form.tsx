'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { errorIdOf, Field, FieldError, notice, SubmitBar, useActionForm } from '@/components/forms/form-kit';
import { updateCarrierProfileAction } from './actions';

type Initial = {
  carrierId: number;
  version: number;
  totalAreaM2: string;
  incubationAreaM2: string;
  publicServiceAreaM2: string;
  workstations: string;
  services: string;
  seedFundFen: string;
  professionalStaff: string;
  totalStaff: string;
  mentors: string;
  focusIndustries: string[];
  specialised: boolean;
  publicProfile: boolean;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};
type TextField = Exclude<keyof Initial, 'carrierId' | 'version' | 'focusIndustries' | 'specialised' | 'publicProfile'>;

/**
 * The operator's part of the carrier profile. Inputs are uncontrolled and the form is submitted
 * by hand, so that what was typed stays after an error or a conflict.
 */
export function CarrierProfileForm({
  initial,
  industries,
  seedFundWan,
}: {
  initial: Initial;
  industries: { value: string; label: string }[];
  seedFundWan: string;
}) {
  const t = useTranslations('carrierProfile');
  const router = useRouter();
  const id = useId();
  const form = useActionForm(updateCarrierProfileAction);
  const [version, setVersion] = useState(initial.version);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    form.submit(
      data,
      (saved) => {
        setVersion(saved.version);
        form.setOutcome(saved.changed.length > 0 ? notice('ok', t('saved')) : notice('info', t('unchanged')));
        router.refresh();
      },
      (result) => {
        // The hidden fields' messages (a stale version, another carrier) belong to the form as a whole.
        const formLevel = Object.entries(result.fieldErrors)
          .filter(([k]) => k === 'version' || k === 'carrierId' || k === '_form')
          .flatMap(([, m]) => m);
        form.setOutcome(notice('error', [result.message, ...formLevel].join(' ')));
      },
    );
  }

  const errorOf = (name: string) => form.errors[name]?.[0];
  function textField({ name, multiline, hint, type = 'text' }: { name: TextField; multiline?: boolean; hint?: string; type?: string }) {
    const control = form.control(name);
    const common = {
      ...control,
      defaultValue: initial[name],
      // The hint is shared by the fields of a group and sits above them.
      'aria-describedby': [control['aria-describedby'], hint].filter(Boolean).join(' ') || undefined,
    };
    return (
      <Field form={form} name={name} label={t(`fields.${name}`)} className={multiline ? 'sm:col-span-2' : undefined} firstError>
        {multiline ? <textarea rows={3} {...common} /> : <input type={type} autoComplete="off" {...common} />}
      </Field>
    );
  }

  const legend = 'text-sm font-semibold text-slate-900';
  const hint = 'sm:col-span-2 text-sm text-slate-600';
  return (
    <form onSubmit={submit} noValidate aria-label={t('editTitle')} className="space-y-6">
      <input type="hidden" name="carrierId" value={initial.carrierId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className={legend}>{t('space')}</legend>
        <p id={`${id}-areas-hint`} className={hint}>
          {t('hints.areas')}
        </p>
        {textField({ name: 'totalAreaM2', hint: `${id}-areas-hint` })}
        {textField({ name: 'incubationAreaM2', hint: `${id}-areas-hint` })}
        {textField({ name: 'publicServiceAreaM2', hint: `${id}-areas-hint` })}
        {textField({ name: 'workstations' })}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className={legend}>{t('people')}</legend>
        <p id={`${id}-staff-hint`} className={hint}>
          {t('hints.staff')}
        </p>
        {textField({ name: 'professionalStaff', hint: `${id}-staff-hint` })}
        {textField({ name: 'totalStaff', hint: `${id}-staff-hint` })}
        {textField({ name: 'mentors' })}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className={legend}>{t('servicesSection')}</legend>
        {textField({ name: 'services', multiline: true })}
        {textField({ name: 'seedFundFen', hint: `${id}-seed-hint` })}
        <p id={`${id}-seed-hint`} className="self-end pb-2 text-sm text-slate-600">
          {t('hints.seedFund', { wan: seedFundWan })}
        </p>
        <fieldset className="sm:col-span-2" aria-describedby={errorOf('focusIndustries') ? errorIdOf(form.idOf('focusIndustries')) : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('fields.focusIndustries')}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
            {industries.map((i) => (
              <label key={i.value} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="focusIndustries" value={i.value} defaultChecked={initial.focusIndustries.includes(i.value)} className="h-4 w-4" />
                {i.label}
              </label>
            ))}
          </div>
          <FieldError id={errorIdOf(form.idOf('focusIndustries'))}>{errorOf('focusIndustries')}</FieldError>
        </fieldset>
        <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-2">
          <input type="checkbox" name="specialised" defaultChecked={initial.specialised} className="h-4 w-4" />
          {t('fields.specialised')}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-2">
          <input type="checkbox" name="publicProfile" defaultChecked={initial.publicProfile} className="h-4 w-4" />
          {t('fields.publicProfile')}
        </label>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className={legend}>{t('contact')}</legend>
        {textField({ name: 'contactName' })}
        {textField({ name: 'contactPhone', type: 'tel' })}
        {textField({ name: 'contactEmail', type: 'email' })}
      </fieldset>
      <SubmitBar pending={form.pending} label={t('save')} pendingLabel={t('saving')} outcome={form.outcome} />
    </form>
  );
}
