'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FieldError, labelClass, OutcomeMessage, SubmitButton, useActionForm } from '@/components/forms/form-kit';
import { CarrierField, CreditCodeField, SpaceFields, StayOpened } from '@/components/residency/form-fields';
import { TALENT_FLAGS } from '@/lib/validation/venture';
import { admitVenture } from './actions';
import { IndustryOptions, TechnicalFieldOptions } from '@/components/forms/picker-select';
import type { CarrierKind } from '@/lib/domain/vocabulary';

type Kind = 'team' | 'company';
/** The kinds of carrier a new venture is admitted into: a team into a nursery, a company into an incubator. */
export type AdmissionCarrierKind = Extract<CarrierKind, 'nursery' | 'incubator'>;
type AdmissionCarrier = { id: number; kind: AdmissionCarrierKind; name: string };
type Admitted = { ventureId: number; name: string; warnings: string[] };

const carrierKindOf = (kind: Kind) => (kind === 'team' ? 'nursery' : 'incubator');

/**
 * Admission of one team (into a nursery) or company (into an incubator). The carrier list
 * follows the kind, and only a company asks for a credit code and a founding date.
 */
export function AdmissionForm({ carriers, today }: { carriers: AdmissionCarrier[]; today: string }) {
  const t = useTranslations('residency');
  const tTalent = useTranslations('talent');
  const firstOf = (kind: Kind) => String(carriers.find((c) => c.kind === carrierKindOf(kind))?.id ?? '');
  const initialKind: Kind = carriers.some((c) => c.kind === 'incubator') ? 'company' : 'team';
  const blank = (kind: Kind) => ({
    kind,
    carrierId: firstOf(kind),
    name: '',
    creditCode: '',
    industry: '',
    technicalField: '',
    foundedOn: '',
    founders: '',
    talentFlags: [] as string[],
    enteredOn: today,
    areaM2: '0',
    workstations: '0',
  });
  const [values, setValues] = useState(() => blank(initialKind));
  const form = useActionForm(admitVenture);
  const [admitted, setAdmitted] = useState<Admitted | null>(null);

  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const setKind = (kind: Kind) => setValues((v) => ({ ...v, kind, carrierId: firstOf(kind) }));
  const toggleTalent = (flag: string, on: boolean) =>
    setValues((v) => ({ ...v, talentFlags: on ? [...v.talentFlags, flag] : v.talentFlags.filter((f) => f !== flag) }));
  const available = (kind: Kind) => carriers.some((c) => c.kind === carrierKindOf(kind));
  const p = (name: string, hint = false) => form.control(name, { hint });
  const company = values.kind === 'company';

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const { creditCode, foundedOn, ...common } = values;
    form.submit(company ? { ...common, creditCode, foundedOn } : common, (data) => {
      setAdmitted({ ...data, warnings: data.warnings.map((w) => t(`warnings.${w}`)) });
      form.reset();
    });
  }

  if (admitted) {
    return (
      <StayOpened
        message={t('new.success', { name: admitted.name })}
        lead={t('new.successWarnings')}
        warnings={admitted.warnings}
        ventureId={admitted.ventureId}
        onAnother={() => {
          setAdmitted(null);
          setValues(blank(values.kind));
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('new.title')} className="space-y-5">
      <OutcomeMessage outcome={form.outcome} />
      <fieldset>
        <legend className={labelClass}>{t('fields.kind')}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {(['company', 'team'] as const).map((kind) => (
            <label
              key={kind}
              className={`flex gap-3 rounded-md border p-3 text-sm ${values.kind === kind ? 'border-brand-600 bg-brand-50' : 'border-slate-300'} ${available(kind) ? 'cursor-pointer' : 'opacity-70'}`}
            >
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                disabled={!available(kind)}
                onChange={() => setKind(kind)}
                className="mt-0.5"
              />
              <span>
                <span className="block font-medium text-slate-900">{t(`fields.${kind}`)}</span>
                <span className="block text-slate-700">
                  {available(kind) ? t(`fields.${kind}Hint`) : t(kind === 'team' ? 'new.noNursery' : 'new.noIncubator')}
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${form.idOf('kind')}-error`}>{(form.errors.kind ?? []).join(' ') || null}</FieldError>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <CarrierField
          form={form}
          label={t('fields.carrier')}
          carriers={carriers.filter((c) => c.kind === carrierKindOf(values.kind))}
          value={values.carrierId}
          onChange={set('carrierId')}
        />
        <Field form={form} name="name" label={t(company ? 'fields.companyName' : 'fields.teamName')}>
          <input {...p('name')} value={values.name} onChange={set('name')} maxLength={100} autoComplete="off" />
        </Field>
        {company ? (
          <>
            <CreditCodeField form={form} value={values.creditCode} onChange={set('creditCode')} />
            <Field form={form} name="foundedOn" label={t('fields.foundedOn')}>
              <input {...p('foundedOn')} type="date" max={today} value={values.foundedOn} onChange={set('foundedOn')} />
            </Field>
          </>
        ) : null}
        <Field form={form} name="industry" label={t('fields.industry')}>
          <select {...p('industry')} value={values.industry} onChange={set('industry')}>
            <option value="">{t('fields.chooseIndustry')}</option>
            <IndustryOptions />
          </select>
        </Field>
        <Field form={form} name="technicalField" label={t('common.optionalField', { label: t('fields.technicalField') })}>
          <select {...p('technicalField')} value={values.technicalField} onChange={set('technicalField')}>
            <option value="">{t('fields.chooseTechnicalField')}</option>
            <TechnicalFieldOptions />
          </select>
        </Field>
        <Field form={form} name="enteredOn" label={t('fields.enteredOn')}>
          <input {...p('enteredOn')} type="date" max={today} value={values.enteredOn} onChange={set('enteredOn')} />
        </Field>
        <Field form={form} name="founders" label={t('common.optionalField', { label: t('fields.founders') })} hint={t('fields.foundersHint')}>
          <input {...p('founders', true)} value={values.founders} onChange={set('founders')} maxLength={500} autoComplete="off" />
        </Field>
        <fieldset>
          <legend className={labelClass}>{t('common.optionalField', { label: t('fields.talentFlags') })}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 text-sm text-slate-800">
            {TALENT_FLAGS.map((flag) => (
              <label key={flag} className="flex items-center gap-2">
                <input type="checkbox" checked={values.talentFlags.includes(flag)} onChange={(e) => toggleTalent(flag, e.target.checked)} />
                {tTalent(flag)}
              </label>
            ))}
          </div>
        </fieldset>
        <SpaceFields form={form} values={values} onChange={set} />
      </div>
      <SubmitButton pending={form.pending} label={t('new.submit')} pendingLabel={t('common.submitting')} />
    </form>
  );
}
