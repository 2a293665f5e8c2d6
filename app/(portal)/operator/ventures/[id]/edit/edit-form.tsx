'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Field, OutcomeMessage, submitButtonClass, useActionForm } from '@/components/forms/form-kit';
import { isTechnicalField } from '@/lib/domain/venture-fields';
import { TALENT_FLAGS } from '@/lib/validation/venture';
import { saveVenture } from './actions';
import { FinancingEditor, type FinancingRow } from './financing-editor';
import { IndustryOptions, TechnicalFieldOptions } from '@/components/forms/picker-select';

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
  const tTalent = useTranslations('talent');
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(loadedVersion);
  const form = useActionForm(saveVenture);
  const set = (name: keyof VentureFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  const toggleTalent = (flag: string, on: boolean) =>
    setValues((v) => ({ ...v, talentFlags: on ? [...v.talentFlags, flag] : v.talentFlags.filter((f) => f !== flag) }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.reset();
    form.submit({ ventureId, version, ...values }, (data) => setVersion(data.version));
  }

  const label = 'text-sm font-medium text-slate-800';
  const p = (name: keyof VentureFormValues) => form.control(name);
  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate aria-labelledby={`${formId}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id={`${formId}-title`} className="mb-4 text-base font-semibold text-slate-900">
          {t('edit.profile')}
        </h2>
        <div className="mb-4">
          <OutcomeMessage outcome={form.outcome} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field form={form} name="industry" label={t('fields.industry')} firstError>
            <select {...p('industry')} value={values.industry} onChange={set('industry')}>
              <IndustryOptions />
            </select>
          </Field>
          <Field form={form} name="technicalField" label={t('fields.technicalField')} firstError>
            <select {...p('technicalField')} value={values.technicalField} onChange={set('technicalField')}>
              <option value="">{t('edit.noTechnicalField')}</option>
              {/* Free text entered before the list existed: shown until a field of the list is chosen. */}
              {values.technicalField && !isTechnicalField(values.technicalField) ? (
                <option value={values.technicalField}>{t('edit.legacyTechnicalField', { value: values.technicalField })}</option>
              ) : null}
              <TechnicalFieldOptions />
            </select>
          </Field>
          <Field form={form} name="founders" label={t('fields.founders')} className="sm:col-span-2" firstError>
            <input {...p('founders')} value={values.founders} onChange={set('founders')} maxLength={500} />
          </Field>
          <fieldset className="sm:col-span-2" aria-describedby={form.has('talentFlags') ? `${form.idOf('talentFlags')}-error` : undefined}>
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
            <Field form={form} name="talentFlags" label={null} firstError>
              {null}
            </Field>
          </fieldset>
          <Field form={form} name="highTechCertNo" label={t('fields.highTechCertNo')} firstError>
            <input {...p('highTechCertNo')} value={values.highTechCertNo} onChange={set('highTechCertNo')} maxLength={50} />
          </Field>
          <Field form={form} name="highTechCertOn" label={t('fields.highTechCertOn')} firstError>
            <input {...p('highTechCertOn')} type="date" max={today} value={values.highTechCertOn} onChange={set('highTechCertOn')} />
          </Field>
          <Field form={form} name="exitKind" label={t('fields.exitKind')} firstError>
            <select {...p('exitKind')} value={values.exitKind} onChange={set('exitKind')}>
              <option value="">{t('edit.noExit')}</option>
              <option value="acquired">{t('exitKinds.acquired')}</option>
              <option value="listed">{t('exitKinds.listed')}</option>
            </select>
          </Field>
          <Field form={form} name="exitOn" label={t('fields.exitOn')} firstError>
            <input {...p('exitOn')} type="date" max={today} value={values.exitOn} onChange={set('exitOn')} />
          </Field>
        </div>
        <p className="mt-4 text-xs text-slate-600">{t('edit.pairsHint')}</p>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" disabled={form.pending} className={submitButtonClass}>
            {form.pending ? t('edit.saving') : t('edit.save')}
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
