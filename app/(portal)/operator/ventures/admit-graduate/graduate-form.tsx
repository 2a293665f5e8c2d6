'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, OutcomeMessage, SubmitButton, useActionForm } from '@/components/forms/form-kit';
import { CarrierField, CreditCodeField, SpaceFields, StayOpened } from '@/components/residency/form-fields';
import { admitGraduateAction } from './actions';

/** An accelerator admits a graduated company by its credit code. */
export function GraduateForm({ accelerators, today }: { accelerators: { id: number; name: string }[]; today: string }) {
  const t = useTranslations('residency');
  const blank = () => ({ carrierId: String(accelerators[0]?.id ?? ''), creditCode: '', enteredOn: today, areaM2: '0', workstations: '0' });
  const [values, setValues] = useState(blank);
  const form = useActionForm(admitGraduateAction);
  const [done, setDone] = useState<{ ventureId: number; warnings: string[] } | null>(null);
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.submit(values, (data) => {
      setDone({ ventureId: data.ventureId, warnings: data.warnings.map((w) => t(`warnings.${w}`)) });
      form.reset();
    });
  }

  if (done) {
    return (
      <StayOpened
        message={t('graduate.success')}
        warnings={done.warnings}
        ventureId={done.ventureId}
        onAnother={() => {
          setDone(null);
          setValues(blank());
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('graduate.title')} className="space-y-5">
      <OutcomeMessage outcome={form.outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <CreditCodeField form={form} value={values.creditCode} onChange={set('creditCode')} />
        <CarrierField form={form} label={t('fields.accelerator')} carriers={accelerators} value={values.carrierId} onChange={set('carrierId')} />
        <Field form={form} name="enteredOn" label={t('fields.enteredOn')}>
          <input {...form.control('enteredOn')} type="date" max={today} value={values.enteredOn} onChange={set('enteredOn')} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <SpaceFields form={form} values={values} onChange={set} />
        </div>
      </div>
      <SubmitButton pending={form.pending} label={t('graduate.submit')} pendingLabel={t('common.submitting')} />
    </form>
  );
}
