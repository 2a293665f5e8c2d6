'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { CARRIER_KINDS, PROGRAM_STATUSES, VENTURE_STAGES } from '@/lib/domain/vocabulary';
import { DOCUMENT_TYPES, PROGRAM_CATEGORIES } from '@/lib/validation/subsidies';
import { FieldError } from '@/components/forms/field';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { createProgrammeAction, updateProgrammeAction } from './actions';
import type { FundingMode, ProgramStatus } from '@/lib/domain/vocabulary';

export type ProgrammeValues = {
  code: string;
  nameZh: string;
  nameEn: string;
  year: string;
  category: string;
  applicantType: 'carrier' | 'venture';
  eligibleKinds: string[];
  eligibleStages: string[];
  fundingMode: FundingMode;
  budget: string;
  cap: string;
  opensOn: string;
  closesOn: string;
  requiredDocuments: string[];
  description: string;
  status: ProgramStatus;
};

/**
 * Creating or editing a programme. Once a programme has applications its applicant type and
 * funding mode are shown read-only (the server refuses a change too). Amounts are typed in
 * yuan; what was typed stays when the server refuses.
 */
export function ProgrammeForm({
  initial,
  programId,
  version,
  applications = 0,
}: {
  initial: ProgrammeValues;
  programId?: number;
  version?: number;
  applications?: number;
}) {
  const t = useTranslations('review.programmeForm');
  const tr = useTranslations('review');
  const tKinds = useTranslations('kinds');
  const tStages = useTranslations('stages');
  const tDocs = useTranslations('documentTypes');
  const tStatus = useTranslations('glossary.programmeStatus');
  const router = useRouter();
  const hydrated = useHydrated();
  const editing = programId !== undefined;
  const form = useActionForm<{ programId?: number; version?: number }>(editing ? updateProgrammeAction : createProgrammeAction);
  const [applicantType, setApplicantType] = useState(initial.applicantType);
  const fixed = applications > 0;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    form.submit(data, (r) => {
      if (!editing && r.programId) router.push(`/committee/programmes/${r.programId}?saved=1`);
      else router.refresh();
    });
  }

  const check = (name: 'eligibleKinds' | 'eligibleStages' | 'requiredDocuments', values: readonly string[], label: (v: string) => string, disabled = false) => (
    <div className="mt-2 flex flex-wrap gap-4">
      {values.map((v) => (
        <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name={name} value={v} defaultChecked={initial[name].includes(v)} disabled={disabled} className="h-4 w-4" />
          {label(v)}
        </label>
      ))}
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('form')} className="space-y-5">
      <OutcomeMessage outcome={form.outcome} />
      {editing ? (
        <>
          <input type="hidden" name="programId" value={programId} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field form={form} name="code" label={t('code')}>
          <input name="code" defaultValue={initial.code} maxLength={40} required className={inputClass} {...form.aria('code')} />
        </Field>
        <Field form={form} name="nameZh" label={t('nameZh')}>
          <input name="nameZh" defaultValue={initial.nameZh} maxLength={200} required className={inputClass} {...form.aria('nameZh')} />
        </Field>
        <Field form={form} name="nameEn" label={t('nameEn')}>
          <input name="nameEn" defaultValue={initial.nameEn} maxLength={200} required className={inputClass} {...form.aria('nameEn')} />
        </Field>
        <Field form={form} name="year" label={t('year')}>
          <input name="year" type="number" min={2000} max={2100} defaultValue={initial.year} required className={inputClass} {...form.aria('year')} />
        </Field>
        <Field form={form} name="category" label={t('category')}>
          <select name="category" defaultValue={initial.category} className={inputClass} {...form.aria('category')}>
            {PROGRAM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tr(`categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field form={form} name="status" label={t('status')}>
          <select name="status" defaultValue={initial.status} className={inputClass} {...form.aria('status')}>
            {PROGRAM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {fixed ? (
        <p id={form.idOf('fixed')} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('fixed', { count: applications })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field form={form} name="applicantType" label={t('applicantType')}>
          {fixed ? <input type="hidden" name="applicantType" value={initial.applicantType} /> : null}
          <select
            name={fixed ? undefined : 'applicantType'}
            value={applicantType}
            onChange={(e) => setApplicantType(e.target.value as 'carrier' | 'venture')}
            disabled={fixed}
            className={inputClass}
            {...form.aria('applicantType')}
            aria-describedby={[fixed ? form.idOf('fixed') : null, form.aria('applicantType')['aria-describedby']].filter(Boolean).join(' ') || undefined}
          >
            <option value="carrier">{tr('applicantTypes.carrier')}</option>
            <option value="venture">{tr('applicantTypes.venture')}</option>
          </select>
        </Field>
        <Field form={form} name="fundingMode" label={t('fundingMode')}>
          {fixed ? <input type="hidden" name="fundingMode" value={initial.fundingMode} /> : null}
          <select
            name={fixed ? undefined : 'fundingMode'}
            defaultValue={initial.fundingMode}
            disabled={fixed}
            className={inputClass}
            {...form.aria('fundingMode')}
            aria-describedby={[fixed ? form.idOf('fixed') : null, form.aria('fundingMode')['aria-describedby']].filter(Boolean).join(' ') || undefined}
          >
            <option value="pre_funded">{tr('modes.pre_funded')}</option>
            <option value="post_subsidy">{tr('modes.post_subsidy')}</option>
          </select>
        </Field>
      </div>

      <fieldset aria-describedby={`${form.idOf('eligibleKinds')}-hint`}>
        <legend className="text-sm font-medium text-slate-800">{t('eligibleKinds')}</legend>
        {check('eligibleKinds', CARRIER_KINDS, (k) => tKinds(k))}
        <p id={`${form.idOf('eligibleKinds')}-hint`} className="mt-1 text-sm text-slate-600">
          {t('eligibleKindsHint')}
        </p>
        <FieldError id={`${form.idOf('eligibleKinds')}-error`}>{(form.errors.eligibleKinds ?? []).join(' ')}</FieldError>
      </fieldset>
      {applicantType === 'venture' ? (
        <fieldset aria-describedby={`${form.idOf('eligibleStages')}-hint`}>
          <legend className="text-sm font-medium text-slate-800">{t('eligibleStages')}</legend>
          {check('eligibleStages', VENTURE_STAGES, (s) => tStages(s))}
          <p id={`${form.idOf('eligibleStages')}-hint`} className="mt-1 text-sm text-slate-600">
            {t('eligibleStagesHint')}
          </p>
          <FieldError id={`${form.idOf('eligibleStages')}-error`}>{(form.errors.eligibleStages ?? []).join(' ')}</FieldError>
        </fieldset>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Field form={form} name="budgetFen" label={t('budget')}>
          <input name="budgetFen" inputMode="decimal" defaultValue={initial.budget} required className={inputClass} {...form.aria('budgetFen')} />
        </Field>
        <Field form={form} name="capFen" label={t('cap')}>
          <input name="capFen" inputMode="decimal" defaultValue={initial.cap} required className={inputClass} {...form.aria('capFen')} />
        </Field>
        <Field form={form} name="opensOn" label={t('opensOn')}>
          <input name="opensOn" type="date" defaultValue={initial.opensOn} required className={inputClass} {...form.aria('opensOn')} />
        </Field>
        <Field form={form} name="closesOn" label={t('closesOn')}>
          <input name="closesOn" type="date" defaultValue={initial.closesOn} required className={inputClass} {...form.aria('closesOn')} />
        </Field>
      </div>
      <fieldset aria-describedby={`${form.idOf('requiredDocuments')}-hint`}>
        <legend className="text-sm font-medium text-slate-800">{t('requiredDocuments')}</legend>
        {check('requiredDocuments', DOCUMENT_TYPES, (d) => tDocs(d))}
        <p id={`${form.idOf('requiredDocuments')}-hint`} className="mt-1 text-sm text-slate-600">
          {t('requiredDocumentsHint')}
        </p>
        <FieldError id={`${form.idOf('requiredDocuments')}-error`}>{(form.errors.requiredDocuments ?? []).join(' ')}</FieldError>
      </fieldset>
      <Field form={form} name="description" label={t('description')}>
        <textarea name="description" rows={4} maxLength={4000} defaultValue={initial.description} className={inputClass} {...form.aria('description')} />
      </Field>
      <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
        {form.pending ? tr('steps.pending') : editing ? t('save') : t('create')}
      </button>
    </form>
  );
}
