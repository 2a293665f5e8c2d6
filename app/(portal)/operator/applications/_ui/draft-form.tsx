'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { formatWan } from '@/lib/money';
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
  const t = useTranslations('applications.form');
  const tOutcome = useTranslations('outcome');
  const tValidation = useTranslations('validation');
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId();
  const [programId, setProgramId] = useState(props.initial.programId);
  const [applicant, setApplicant] = useState(props.initial.applicant);
  const [purpose, setPurpose] = useState(props.initial.purpose);
  const [requested, setRequested] = useState(props.initial.requested);
  const [indicators, setIndicators] = useState<Indicator[]>(() => props.initial.indicators.map((i) => ({ ...i, key: nextKey++ })));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [pending, start] = useTransition();

  const programme = props.mode === 'create' ? props.programmes.find((p) => String(p.id) === programId) : props.programme;
  const applicants = props.mode === 'create' ? (programme as DraftProgramme | undefined)?.applicants ?? [] : [];

  const errorsOf = (name: string) => errors[name] ?? [];
  const described = (name: string, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : null, errorsOf(name).length ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = (name: string) => (errorsOf(name).length ? true : undefined);
  const errorOf = (name: string) =>
    errorsOf(name).length ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700">
        {errorsOf(name).join(' ')}
      </p>
    ) : null;

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
      setErrors(local);
      setFailure({ code: 'invalid', message: tOutcome('invalid') });
      return;
    }
    const body = {
      purpose,
      requestedFen: requested,
      indicators: indicators.map(({ name, unit, targetValue }) => ({ name, unit, targetValue: targetValue.trim() })),
    };
    start(async () => {
      let result;
      if (props.mode === 'create') {
        const [carrierId, ventureId] = applicant.split(':');
        result = await createDraftAction({ ...body, programId, carrierId, ...(ventureId ? { ventureId } : {}) });
        if (result.ok) {
          router.push(`/operator/applications/${result.data.applicationId}?created=1`);
          return;
        }
      } else {
        result = await updateDraftAction({ ...body, applicationId: props.applicationId, version: props.version });
        if (result.ok) {
          router.push(`/operator/applications/${props.applicationId}?saved=1`);
          router.refresh();
          return;
        }
      }
      // A venture named for the wrong kind of programme is the applicant's error.
      const { ventureId: ventureErrors, carrierId: carrierErrors, ...rest } = result.fieldErrors;
      const merged = { ...rest, ...(ventureErrors || carrierErrors ? { applicant: [...(ventureErrors ?? []), ...(carrierErrors ?? [])] } : {}) };
      setErrors(merged);
      setFailure({ code: result.code, message: result.message });
    });
  }

  const input = 'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 border-slate-400';
  const label = 'block text-sm font-medium text-slate-800';
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={props.mode === 'create' ? t('newTitle') : t('editTitle')}>
      {failure ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p>{failure.message}</p>
          {failure.code === 'conflict' && props.mode === 'edit' ? (
            <button type="button" onClick={() => router.refresh()} className="mt-1 font-medium underline">
              {t('reload')}
            </button>
          ) : null}
        </div>
      ) : null}

      {props.mode === 'create' ? (
        <>
          <div>
            <label htmlFor={`${id}-programId`} className={label}>
              {t('programme')}
            </label>
            <select
              id={`${id}-programId`}
              value={programId}
              onChange={(e) => {
                setProgramId(e.target.value);
                setApplicant('');
              }}
              aria-invalid={invalid('programId')}
              aria-describedby={described('programId')}
              className={input}
            >
              <option value="">{t('chooseProgramme')}</option>
              {props.programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {errorOf('programId')}
          </div>
          <div>
            <label htmlFor={`${id}-applicant`} className={label}>
              {!programme ? t('applicant') : (programme as DraftProgramme).applicantType === 'venture' ? t('applicantVenture') : t('applicantCarrier')}
            </label>
            <select
              id={`${id}-applicant`}
              value={applicant}
              onChange={(e) => setApplicant(e.target.value)}
              disabled={!programme}
              aria-invalid={invalid('applicant')}
              aria-describedby={described('applicant', true)}
              className={input}
            >
              <option value="">{t('chooseApplicant')}</option>
              {applicants.map((a) => (
                <option key={applicantValue(a.carrierId, a.ventureId)} value={applicantValue(a.carrierId, a.ventureId)}>
                  {a.label}
                </option>
              ))}
            </select>
            <p id={`${id}-applicant-hint`} className="mt-1 text-xs text-slate-600">
              {programme && applicants.length === 0 ? t('noEligible') : t('applicantHint')}
            </p>
            {errorOf('applicant')}
          </div>
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

      <div>
        <label htmlFor={`${id}-purpose`} className={label}>
          {t('purpose')}
        </label>
        <textarea
          id={`${id}-purpose`}
          rows={4}
          maxLength={4000}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          aria-invalid={invalid('purpose')}
          aria-describedby={described('purpose', true)}
          className={input}
        />
        <p id={`${id}-purpose-hint`} className="mt-1 text-xs text-slate-600">
          {t('purposeHint')}
        </p>
        {errorOf('purpose')}
      </div>

      <div className="max-w-sm">
        <label htmlFor={`${id}-requestedFen`} className={label}>
          {t('requested')}
        </label>
        <input
          id={`${id}-requestedFen`}
          inputMode="decimal"
          autoComplete="off"
          value={requested}
          onChange={(e) => setRequested(e.target.value)}
          aria-invalid={invalid('requestedFen')}
          aria-describedby={described('requestedFen', true)}
          className={input}
        />
        <p id={`${id}-requestedFen-hint`} className="mt-1 text-xs text-slate-600">
          {programme ? t('requestedHintCap', { cap: formatWan(programme.capFen) }) : t('requestedHint')}
        </p>
        {errorOf('requestedFen')}
      </div>

      <fieldset aria-describedby={`${id}-indicators-hint${errorsOf('indicators').length ? ` ${id}-indicators-error` : ''}`}>
        <legend className={label}>{t('indicators')}</legend>
        <p id={`${id}-indicators-hint`} className="mt-1 text-xs text-slate-600">
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
                  <label htmlFor={`${id}-${key}`} className="block text-xs font-medium text-slate-700">
                    {t(`indicator.${name}`, { n: i + 1 })}
                  </label>
                  <input
                    id={`${id}-${key}`}
                    value={ind[name]}
                    inputMode={name === 'targetValue' ? 'decimal' : undefined}
                    onChange={(e) => set({ [name]: e.target.value })}
                    aria-invalid={invalid(key)}
                    aria-describedby={described(key)}
                    className={input}
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
        <button
          type="submit"
          disabled={pending || !hydrated}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
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
