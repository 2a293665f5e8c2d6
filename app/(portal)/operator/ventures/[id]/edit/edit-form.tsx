'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { INDUSTRIES, TALENT_FLAGS } from '@/lib/validation/venture';
import { saveVenture } from './actions';
import { FinancingEditor, type FinancingRow } from './financing-editor';
import { errorsFor, type Outcome } from '@/components/forms/field';
import { FieldError, fieldProps, OutcomeMessage } from './form-bits';

export type VentureFormValues = {
  industry: string;
  technicalField: string;
  founders: string;
  talentFlags: string[];
  highTechCertNo: string;
  highTechCertOn: string;
  exitKind: string;
  exitOn: string;
};

/**
 * The venture's editable data and its financing events. Both save against the version the
 * page was loaded with; a stale save shows the conflict message and keeps what was typed.
 */
export function VentureEditor({
  ventureId,
  version: loadedVersion,
  initial,
  financings,
  today,
}: {
  ventureId: number;
  version: number;
  initial: VentureFormValues;
  financings: FinancingRow[];
  today: string;
}) {
  const t = useTranslations('ventures');
  const tIndustries = useTranslations('industries');
  const tTalent = useTranslations('talent');
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(loadedVersion);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, start] = useTransition();
  const set = (name: keyof VentureFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const toggleTalent = (flag: string, on: boolean) =>
    setValues((v) => ({ ...v, talentFlags: on ? [...v.talentFlags, flag] : v.talentFlags.filter((f) => f !== flag) }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setOutcome(null);
    start(async () => {
      const result = await saveVenture({ ventureId, version, ...values });
      setOutcome(result);
      if (result.ok) setVersion(result.data.version);
    });
  }

  const label = 'text-sm font-medium text-slate-800';
  const p = (name: keyof VentureFormValues) => fieldProps(formId, name, outcome);
  const err = (name: keyof VentureFormValues) => <FieldError formId={formId} name={name} outcome={outcome} />;
  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate aria-labelledby={`${formId}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id={`${formId}-title`} className="mb-4 text-base font-semibold text-slate-900">
          {t('edit.profile')}
        </h2>
        <div className="mb-4">
          <OutcomeMessage outcome={outcome} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={p('industry').id} className={label}>
              {t('fields.industry')}
            </label>
            <select {...p('industry')} value={values.industry} onChange={set('industry')}>
              {INDUSTRIES.map((i) => (
                <option key={i} value={i}>
                  {tIndustries(i)}
                </option>
              ))}
            </select>
            {err('industry')}
          </div>
          <div>
            <label htmlFor={p('technicalField').id} className={label}>
              {t('fields.technicalField')}
            </label>
            <input {...p('technicalField')} value={values.technicalField} onChange={set('technicalField')} maxLength={100} />
            {err('technicalField')}
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={p('founders').id} className={label}>
              {t('fields.founders')}
            </label>
            <input {...p('founders')} value={values.founders} onChange={set('founders')} maxLength={500} />
            {err('founders')}
          </div>
          <fieldset className="sm:col-span-2" aria-describedby={errorsFor(outcome, 'talentFlags').length ? `${formId}-talentFlags-error` : undefined}>
            <legend className={label}>{t('fields.talent')}</legend>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {TALENT_FLAGS.map((flag) => (
                <label key={flag} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    name="talentFlags"
                    value={flag}
                    checked={values.talentFlags.includes(flag)}
                    onChange={(e) => toggleTalent(flag, e.target.checked)}
                    className="h-4 w-4 rounded border-slate-400"
                  />
                  {tTalent(flag)}
                </label>
              ))}
            </div>
            {err('talentFlags')}
          </fieldset>
          <div>
            <label htmlFor={p('highTechCertNo').id} className={label}>
              {t('fields.highTechCertNo')}
            </label>
            <input {...p('highTechCertNo')} value={values.highTechCertNo} onChange={set('highTechCertNo')} maxLength={50} />
            {err('highTechCertNo')}
          </div>
          <div>
            <label htmlFor={p('highTechCertOn').id} className={label}>
              {t('fields.highTechCertOn')}
            </label>
            <input {...p('highTechCertOn')} type="date" max={today} value={values.highTechCertOn} onChange={set('highTechCertOn')} />
            {err('highTechCertOn')}
          </div>
          <div>
            <label htmlFor={p('exitKind').id} className={label}>
              {t('fields.exitKind')}
            </label>
            <select {...p('exitKind')} value={values.exitKind} onChange={set('exitKind')}>
              <option value="">{t('edit.noExit')}</option>
              <option value="acquired">{t('exitKinds.acquired')}</option>
              <option value="listed">{t('exitKinds.listed')}</option>
            </select>
            {err('exitKind')}
          </div>
          <div>
            <label htmlFor={p('exitOn').id} className={label}>
              {t('fields.exitOn')}
            </label>
            <input {...p('exitOn')} type="date" max={today} value={values.exitOn} onChange={set('exitOn')} />
            {err('exitOn')}
          </div>
        </div>
        <p className="mt-4 text-xs text-slate-600">{t('edit.pairsHint')}</p>
        <div className="mt-4 flex items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? t('edit.saving') : t('edit.save')}
          </button>
          <Link href={`/operator/ventures/${ventureId}`} className="text-sm text-brand-700 hover:underline">
            {t('edit.backToDetail')}
          </Link>
        </div>
      </form>
      <FinancingEditor ventureId={ventureId} version={version} onVersion={setVersion} financings={financings} today={today} />
    </div>
  );
}
