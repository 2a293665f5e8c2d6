'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, OutcomeMessage, SubmitButton, useActionForm } from '@/components/forms/form-kit';
import { CarrierField, CreditCodeField, SpaceFields, StayOpened } from '@/components/residency/form-fields';
import { incorporate } from './actions';

/** The company a nursery team registered, and the operator's incubator it moves into. */
export function IncorporationForm(props: {
  ventureId: number;
  version: number;
  teamName: string;
  nurseryEnteredOn: string;
  incubators: { id: number; name: string }[];
  initialSpace: { areaM2: number; workstations: number };
  today: string;
}) {
  const t = useTranslations('residency');
  const [values, setValues] = useState({
    name: props.teamName,
    creditCode: '',
    foundedOn: '',
    enteredOn: props.today,
    carrierId: String(props.incubators[0]?.id ?? ''),
    areaM2: String(props.initialSpace.areaM2),
    workstations: String(props.initialSpace.workstations),
  });
  const form = useActionForm(incorporate);
  const [done, setDone] = useState<{ name: string; warnings: string[] } | null>(null);
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const p = (name: keyof typeof values) => form.control(name);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.submit({ ventureId: props.ventureId, version: props.version, ...values }, (data) => {
      setDone({ name: values.name, warnings: data.warnings.map((w) => t(`warnings.${w}`)) });
      form.reset();
    });
  }

  if (done) return <StayOpened message={t('incorporate.success', { name: done.name })} warnings={done.warnings} ventureId={props.ventureId} />;

  return (
    <form onSubmit={submit} noValidate aria-label={t('incorporate.title')} className="space-y-5">
      <OutcomeMessage outcome={form.outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field form={form} name="name" label={t('fields.companyName')}>
          <input {...p('name')} value={values.name} onChange={set('name')} maxLength={100} autoComplete="off" />
        </Field>
        <CreditCodeField form={form} value={values.creditCode} onChange={set('creditCode')} />
        <Field form={form} name="foundedOn" label={t('fields.foundedOn')}>
          <input {...p('foundedOn')} type="date" max={props.today} value={values.foundedOn} onChange={set('foundedOn')} />
        </Field>
        <CarrierField form={form} label={t('fields.incubator')} carriers={props.incubators} value={values.carrierId} onChange={set('carrierId')} />
        <Field form={form} name="enteredOn" label={t('fields.enteredOn')}>
          <input {...p('enteredOn')} type="date" min={props.nurseryEnteredOn} max={props.today} value={values.enteredOn} onChange={set('enteredOn')} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <SpaceFields form={form} values={values} onChange={set} />
        </div>
      </div>
      <SubmitButton pending={form.pending} label={t('incorporate.submit')} pendingLabel={t('common.submitting')} />
    </form>
  );
}
