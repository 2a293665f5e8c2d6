'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { controlProps, Field, outcomeOf, OutcomeMessage, type Outcome } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-bar';
import { CarrierField, CreditCodeField, SpaceFields, WarningList } from '@/components/residency/form-fields';
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
  const formId = useId();
  const [values, setValues] = useState({
    name: props.teamName,
    creditCode: '',
    foundedOn: '',
    enteredOn: props.today,
    carrierId: String(props.incubators[0]?.id ?? ''),
    areaM2: String(props.initialSpace.areaM2),
    workstations: String(props.initialSpace.workstations),
  });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [done, setDone] = useState<{ name: string; warnings: string[] } | null>(null);
  const [pending, start] = useTransition();
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const p = (name: keyof typeof values, hint = false) => controlProps(formId, name, outcome, hint);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const result = await incorporate({ ventureId: props.ventureId, version: props.version, ...values });
      if (result.ok) {
        setDone({ name: values.name, warnings: result.data.warnings.map((w) => t(`warnings.${w}`)) });
        setOutcome(null);
      } else setOutcome(outcomeOf(result));
    });
  }

  if (done) {
    return (
      <div className="space-y-4">
        <OutcomeMessage outcome={{ ok: true, message: t('incorporate.success', { name: done.name }) }}>
          <WarningList title={t('warnings.title')} warnings={done.warnings} />
        </OutcomeMessage>
        <Link href={`/operator/ventures/${props.ventureId}`} className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('common.viewVenture')}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('incorporate.title')} className="space-y-5">
      <OutcomeMessage outcome={outcome} />
      {outcome?.fieldErrors?._form ? <p className="text-sm text-red-700">{outcome.fieldErrors._form.join(' ')}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field formId={formId} name="name" label={t('fields.companyName')} outcome={outcome}>
          <input {...p('name')} value={values.name} onChange={set('name')} maxLength={100} autoComplete="off" />
        </Field>
        <CreditCodeField formId={formId} outcome={outcome} value={values.creditCode} onChange={set('creditCode')} />
        <Field formId={formId} name="foundedOn" label={t('fields.foundedOn')} outcome={outcome}>
          <input {...p('foundedOn')} type="date" max={props.today} value={values.foundedOn} onChange={set('foundedOn')} />
        </Field>
        <CarrierField formId={formId} outcome={outcome} label={t('fields.incubator')} carriers={props.incubators} value={values.carrierId} onChange={set('carrierId')} />
        <Field formId={formId} name="enteredOn" label={t('fields.enteredOn')} outcome={outcome}>
          <input {...p('enteredOn')} type="date" min={props.nurseryEnteredOn} max={props.today} value={values.enteredOn} onChange={set('enteredOn')} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <SpaceFields formId={formId} outcome={outcome} values={values} onChange={set} />
        </div>
      </div>
      <SubmitButton pending={pending} label={t('incorporate.submit')} pendingLabel={t('common.submitting')} />
    </form>
  );
}
