'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { GRADUATION_CRITERIA, type GraduationCriterion } from '@/lib/domain/graduation';
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_TOTAL_BYTES } from '@/lib/evidence-files';
import { recordGraduationAction } from './actions';

type Errors = Record<string, string[]>;

/**
 * The graduation record: the criteria the venture's data supports come ticked (the others
 * cannot be chosen), the date, the evidence and its files. Nothing typed or chosen is lost
 * when the server refuses.
 */
export function GraduationForm({
  ventureId,
  version,
  supported,
  enteredOn,
  today,
}: {
  ventureId: number;
  version: number;
  supported: GraduationCriterion[];
  enteredOn: string;
  today: string;
}) {
  const t = useTranslations('graduationForm');
  const tg = useTranslations('graduation');
  const router = useRouter();
  const id = useId();
  const [criteria, setCriteria] = useState<GraduationCriterion[]>(supported);
  const [graduatedOn, setGraduatedOn] = useState(today);
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const described = (name: string, hint: boolean) =>
    [hint ? `${id}-${name}-hint` : null, errors[name]?.length ? `${id}-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  const errorOf = (name: string) =>
    errors[name]?.length ? (
      <ul id={`${id}-${name}-error`} className="mt-1 space-y-0.5 text-sm text-red-800">
        {errors[name]!.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ) : null;

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const files = data.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
    // Checked here too, so that a large file is not sent only to be refused.
    const fileErrors = [
      ...(files.length > MAX_EVIDENCE_FILES ? [t('tooManyFiles')] : []),
      ...files.filter((f) => f.size > MAX_EVIDENCE_FILE_BYTES).map((f) => t('fileTooLarge', { name: f.name })),
      ...(files.reduce((sum, f) => sum + f.size, 0) > MAX_EVIDENCE_TOTAL_BYTES ? [t('filesTooLarge')] : []),
    ];
    if (fileErrors.length) {
      setErrors({ files: fileErrors });
      setFailure(null);
      return;
    }
    start(async () => {
      const result = await recordGraduationAction(data);
      if (result.ok) {
        router.push(`/operator/graduations?view=recorded&status=pending&recorded=${result.data.graduationId}`);
        return;
      }
      const merged: Errors = {};
      for (const [key, messages] of Object.entries(result.fieldErrors)) (merged[key.split('.')[0]!] ??= []).push(...messages);
      setErrors(merged);
      setFailure(result.message);
    });
  }

  const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600';
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={tg('record.form')}>
      {failure ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <input type="hidden" name="ventureId" value={ventureId} />
      <input type="hidden" name="version" value={version} />

      <fieldset aria-describedby={described('criteria', true)}>
        <legend className="text-sm font-medium text-slate-800">{t('criteria')}</legend>
        <p id={`${id}-criteria-hint`} className="mt-1 text-sm text-slate-600">
          {t('criteriaHint')}
        </p>
        <div className="mt-2 space-y-2">
          {GRADUATION_CRITERIA.map((c) => {
            const ok = supported.includes(c);
            return (
              <label key={c} className={`flex items-start gap-2 text-sm ${ok ? 'text-slate-900' : 'text-slate-600'}`}>
                <input
                  type="checkbox"
                  name="criteria"
                  value={c}
                  disabled={!ok}
                  checked={criteria.includes(c)}
                  aria-invalid={invalid('criteria')}
                  onChange={(e) => setCriteria((cs) => (e.target.checked ? [...cs, c] : cs.filter((x) => x !== c)))}
                  className="mt-0.5 h-4 w-4"
                />
                <span>
                  {tg(`criteria.${c}`)}
                  {ok ? null : <span className="ml-1">{t('unsupported')}</span>}
                </span>
              </label>
            );
          })}
        </div>
        {errorOf('criteria')}
      </fieldset>

      <div>
        <label htmlFor={`${id}-graduatedOn`} className="text-sm font-medium text-slate-800">
          {t('graduatedOn')}
        </label>
        <input
          id={`${id}-graduatedOn`}
          name="graduatedOn"
          type="date"
          min={enteredOn}
          max={today}
          value={graduatedOn}
          onChange={(e) => setGraduatedOn(e.target.value)}
          aria-invalid={invalid('graduatedOn')}
          aria-describedby={described('graduatedOn', true)}
          className={`${input} max-w-xs`}
        />
        <p id={`${id}-graduatedOn-hint`} className="mt-1 text-sm text-slate-600">
          {t('graduatedOnHint', { date: enteredOn })}
        </p>
        {errorOf('graduatedOn')}
      </div>

      <div>
        <label htmlFor={`${id}-evidence`} className="text-sm font-medium text-slate-800">
          {t('evidence')}
        </label>
        <textarea
          id={`${id}-evidence`}
          name="evidence"
          rows={4}
          maxLength={4000}
          required
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          aria-invalid={invalid('evidence')}
          aria-describedby={described('evidence', true)}
          className={input}
        />
        <p id={`${id}-evidence-hint`} className="mt-1 text-sm text-slate-600">
          {t('evidenceHint')}
        </p>
        {errorOf('evidence')}
      </div>

      <div>
        <label htmlFor={`${id}-files`} className="text-sm font-medium text-slate-800">
          {t('files')}
        </label>
        <input
          id={`${id}-files`}
          name="files"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          aria-invalid={invalid('files')}
          aria-describedby={described('files', true)}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
        <p id={`${id}-files-hint`} className="mt-1 text-sm text-slate-600">
          {t('filesHint')}
        </p>
        {errorOf('files')}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
