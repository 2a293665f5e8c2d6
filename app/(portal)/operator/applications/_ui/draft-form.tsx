'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FieldError, inputClass, labelClass, notice, OutcomeMessage, submitButtonClass, useActionForm } from '@/components/forms/form-kit';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { ActionResult } from '@/lib/server/action';
import { moneyFigure } from '@/lib/money';
import { applicantValue } from './applicant';
import { updateDraftAction } from '../[id]/actions';
import { createDraftAction } from '../new/actions';

export type DraftProgramme = {
  id: number;
  name: string;
  capFen: number;
  applicantType: 'carrier' | 'venture';
  /** Eligible applicants only. */
  applicants: { carrierId: number; ventureId: number | null; label: string }[];
};

type Indicator = { key: number; name: string; unit: string; targetValue: string };
export type DraftValues = {
  programId: string;
  applicant: string;
  purpose: string;
  requested: string;
  indicators: Omit<Indicator, 'key'>[];
};

type Props =
  | { mode: 'create'; programmes: DraftProgramme[]; initial: DraftValues }
  | {
      mode: 'edit';
      applicationId: number;
      version: number;
      programme: { name: string; capFen: number };
      applicantLabel: string;
      initial: DraftValues;
    };

let nextKey = 1;

/**
 * A draft application: programme and applicant (fixed once created), purpose, the amount in
 * yuan and the performance indicators. Errors sit next to their fields; nothing typed is lost
 * when the server refuses.
 */
export function DraftForm(props: Props) {
  const locale = useLocale();
  const t = useTranslations('applications.form');
  const tOutcome = useTranslations('outcome');
  const tValidation = useTranslations('validation');
  const router = useRouter();
  const hydrated = useHydrated();
  const [programId, setProgramId] = useState(props.initial.programId);
  const [applicant, setApplicant] = useState(props.initial.applicant);
  const [purpose, setPurpose] = useState(props.initial.purpose);
  const [requested, setRequested] = useState(props.initial.requested);
  const [indicators, setIndicators] = useState<Indicator[]>(() => props.initial.indicators.map((i) => ({ ...i, key: nextKey++ })));
  // Each indicator's cells are fields of their own (`indicators.2.unit`); a venture or carrier
  // named for the wrong kind of programme is the applicant's error.
  const form = useActionForm(save, { fieldOf: (key) => (key === 'ventureId' || key === 'carrierId' ? 'applicant' : key) });
  const { pending } = form;

  const programme = props.mode === 'create' ? props.programmes.find((p) => String(p.id) === programId) : props.programme;
  const applicants = props.mode === 'create' ? ((programme as DraftProgramme | undefined)?.applicants ?? []) : [];

  const errorOf = (name: string) => <FieldError id={`${form.idOf(name)}-error`}>{(form.errors[name] ?? []).join(' ') || null}</FieldError>;

  function save(body: Record<string, unknown>): Promise<ActionResult<{ applicationId?: number; version?: number }>> {
    if (props.mode === 'create') {
      const [carrierId, ventureId] = applicant.split(':');
      return createDraftAction({ ...body, programId, carrierId, ...(ventureId ? { ventureId } : {}) });
    }
    return updateDraftAction({ ...body, applicationId: props.applicationId, version: props.version });
  }

  function clientErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    if (props.mode === 'create') {
      if (!programId) out.programId = [t('chooseProgramme')];
      else if (!applicant) out.applicant = [t('chooseApplicant')];
    }
    // An empty target would otherwise be read as zero.
    indicators.forEach((ind, i) => {
      if (ind.targetValue.trim() === '') out[`indicators.${i}.targetValue`] = [tValidation('required')];
    });
    return out;
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local = clientErrors();
    if (Object.keys(local).length) {
      form.setErrors(local);
      form.setOutcome(notice('error', tOutcome('invalid')));
      return;
    }
    const body = {
      purpose,
      requestedFen: requested,
      indicators: indicators.map(({ name, unit, targetValue }) => ({ name, unit, targetValue: targetValue.trim() })),
    };
    form.submit(body, (data) => {
      // The application's page says what was saved.
      form.setOutcome(null);
      if (props.mode === 'create') {
        router.push(`/operator/applications/${data.applicationId}?created=1`);
      } else {
        router.push(`/operator/applications/${props.applicationId}?saved=1`);
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={props.mode === 'create' ? t('newTitle') : t('editTitle')}>
      <OutcomeMessage
        outcome={form.outcome}
        action={
          form.outcome?.kind === 'conflict' && props.mode === 'edit' ? (
            <button type="button" onClick={() => router.refresh()} className="mt-1 font-medium underline">
              {t('reload')}
            </button>
          ) : null
        }
      />

      {props.mode === 'create' ? (
        <>
          <Field form={form} name="programId" label={t('programme')}>
            <select
              {...form.aria('programId')}
              value={programId}
              onChange={(e) => {
                setProgramId(e.target.value);
                setApplicant('');
              }}
              className={inputClass}
            >
              <option value="">{t('chooseProgramme')}</option>
              {props.programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            form={form}
            name="applicant"
            label={!programme ? t('applicant') : (programme as DraftProgramme).applicantType === 'venture' ? t('applicantVenture') : t('applicantCarrier')}
            hint={programme && applicants.length === 0 ? t('noEligible') : t('applicantHint')}
          >
            <select
              {...form.aria('applicant', true)}
              value={applicant}
              onChange={(e) => setApplicant(e.target.value)}
              disabled={!programme}
              className={inputClass}
            >
              <option value="">{t('chooseApplicant')}</option>
              {applicants.map((a) => (
                <option key={applicantValue(a.carrierId, a.ventureId)} value={applicantValue(a.carrierId, a.ventureId)}>
                  {a.label}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('programme')}</dt>
            <dd className="font-medium text-slate-900">{props.programme.name}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('applicant')}</dt>
            <dd className="font-medium text-slate-900">{props.applicantLabel}</dd>
          </div>
        </dl>
      )}

      <Field form={form} name="purpose" label={t('purpose')} hint={t('purposeHint')}>
        <textarea
          {...form.aria('purpose', true)}
          rows={4}
          maxLength={4000}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          className={inputClass}
        />
      </Field>

      <Field
        form={form}
        name="requestedFen"
        label={t('requested')}
        hint={programme ? t('requestedHintCap', { cap: moneyFigure(locale, programme.capFen) }) : t('requestedHint')}
        className="max-w-sm"
      >
        <input
          {...form.aria('requestedFen', true)}
          inputMode="decimal"
          autoComplete="off"
          value={requested}
          onChange={(e) => setRequested(e.target.value)}
          className={inputClass}
        />
      </Field>

      <fieldset aria-describedby={`${form.idOf('indicators')}-hint${form.has('indicators') ? ` ${form.idOf('indicators')}-error` : ''}`}>
        <legend className={labelClass}>{t('indicators')}</legend>
        <p id={`${form.idOf('indicators')}-hint`} className="mt-1 text-xs text-slate-600">
          {t('indicatorsHint')}
        </p>
        {errorOf('indicators')}
        {indicators.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t('noIndicators')}</p> : null}
        <ol className="mt-2 space-y-3">
          {indicators.map((ind, i) => {
            const set = (patch: Partial<Indicator>) => setIndicators((list) => list.map((x) => (x.key === ind.key ? { ...x, ...patch } : x)));
            const cell = (name: 'name' | 'unit' | 'targetValue', width: string) => {
              const key = `indicators.${i}.${name}`;
              return (
                <div className={width}>
                  <label htmlFor={form.idOf(key)} className="block text-xs font-medium text-slate-700">
                    {t(`indicator.${name}`, { n: i + 1 })}
                  </label>
                  <input
                    {...form.aria(key)}
                    value={ind[name]}
                    inputMode={name === 'targetValue' ? 'decimal' : undefined}
                    onChange={(e) => set({ [name]: e.target.value })}
                    className={inputClass}
                  />
                  {errorOf(key)}
                </div>
              );
            };
            return (
              <li key={ind.key} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-3">
                {cell('name', 'min-w-48 flex-1')}
                {cell('unit', 'w-28')}
                {cell('targetValue', 'w-36')}
                <button
                  type="button"
                  onClick={() => setIndicators((list) => list.filter((x) => x.key !== ind.key))}
                  className="rounded-md border border-slate-400 px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
                >
                  {t('removeIndicator', { n: i + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => setIndicators((list) => [...list, { key: nextKey++, name: '', unit: '', targetValue: '' }])}
          disabled={indicators.length >= 30}
          className="mt-3 rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {t('addIndicator')}
        </button>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending || !hydrated} className={submitButtonClass}>
          {pending ? t('saving') : props.mode === 'create' ? t('create') : t('save')}
        </button>
        <button
          type="button"
          onClick={() => router.back()}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
