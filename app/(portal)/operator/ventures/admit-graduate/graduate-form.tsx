'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { controlProps, Field, outcomeOf, OutcomeMessage, type Outcome } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-bar';
import { CarrierField, CreditCodeField, SpaceFields, WarningList } from '@/components/residency/form-fields';
import { admitGraduateAction } from './actions';

/** An accelerator admits a graduated company by its credit code. */
export function GraduateForm({ accelerators, today }: { accelerators: { id: number; name: string }[]; today: string }) {
  const t = useTranslations('residency');
  const formId = useId();
  const blank = () => ({ carrierId: String(accelerators[0]?.id ?? ''), creditCode: '', enteredOn: today, areaM2: '0', workstations: '0' });
  const [values, setValues] = useState(blank);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [done, setDone] = useState<{ ventureId: number; warnings: string[] } | null>(null);
  const [pending, start] = useTransition();
  const set = (name: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const p = (name: keyof typeof values, hint = false) => controlProps(formId, name, outcome, hint);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const result = await admitGraduateAction(values);
      if (result.ok) {
        setDone({ ventureId: result.data.ventureId, warnings: result.data.warnings.map((w) => t(`warnings.${w}`)) });
        setOutcome(null);
      } else setOutcome(outcomeOf(result));
    });
  }

  if (done) {
    return (
      <div className="space-y-4">
        <OutcomeMessage outcome={{ ok: true, message: t('graduate.success') }}>
          <WarningList title={t('warnings.title')} warnings={done.warnings} />
        </OutcomeMessage>
        <div className="flex flex-wrap gap-3">
          <Link href={`/operator/ventures/${done.ventureId}`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('common.viewVenture')}
          </Link>
          <button
            type="button"
            onClick={() => {
              setDone(null);
              setValues(blank());
            }}
            className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('new.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('graduate.title')} className="space-y-5">
      <OutcomeMessage outcome={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <CreditCodeField formId={formId} outcome={outcome} value={values.creditCode} onChange={set('creditCode')} />
        <CarrierField formId={formId} outcome={outcome} label={t('fields.accelerator')} carriers={accelerators} value={values.carrierId} onChange={set('carrierId')} />
        <Field formId={formId} name="enteredOn" label={t('fields.enteredOn')} outcome={outcome}>
          <input {...p('enteredOn')} type="date" max={today} value={values.enteredOn} onChange={set('enteredOn')} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <SpaceFields formId={formId} outcome={outcome} values={values} onChange={set} />
        </div>
      </div>
      <SubmitButton pending={pending} label={t('graduate.submit')} pendingLabel={t('common.submitting')} />
    </form>
  );
}
