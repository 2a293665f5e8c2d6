'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FieldError, OutcomeMessage, submitButtonClass, useActionForm } from '@/components/forms/form-kit';
import { GRADUATION_CRITERIA, type GraduationCriterion } from '@/lib/domain/graduation';
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_TOTAL_BYTES } from '@/lib/evidence-files';
import { recordGraduationAction } from './actions';

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
  const form = useActionForm(recordGraduationAction);
  const [criteria, setCriteria] = useState<GraduationCriterion[]>(supported);
  const [graduatedOn, setGraduatedOn] = useState(today);
  const [evidence, setEvidence] = useState('');
  const { pending } = form;

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
      form.setErrors({ files: fileErrors });
      form.setOutcome(null);
      return;
    }
    form.submit(data, (recorded) => {
      // The list says what was recorded; no notice here.
      form.setOutcome(null);
      router.push(`/operator/graduations?view=recorded&status=pending&recorded=${recorded.graduationId}`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={tg('record.form')}>
      <OutcomeMessage outcome={form.outcome?.kind === 'ok' ? null : form.outcome} />
      <input type="hidden" name="ventureId" value={ventureId} />
      <input type="hidden" name="version" value={version} />

      <fieldset aria-describedby={form.aria('criteria', true)['aria-describedby']}>
        <legend className="text-sm font-medium text-slate-800">{t('criteria')}</legend>
        <p id={`${form.idOf('criteria')}-hint`} className="mt-1 text-sm text-slate-600">
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
                  aria-invalid={form.has('criteria') || undefined}
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
        <FieldError id={`${form.idOf('criteria')}-error`}>{(form.errors.criteria ?? []).join(' ') || null}</FieldError>
      </fieldset>

      <Field form={form} name="graduatedOn" label={t('graduatedOn')} hint={t('graduatedOnHint', { date: enteredOn })}>
        <input
          {...form.control('graduatedOn', { hint: true, className: 'max-w-xs' })}
          type="date"
          min={enteredOn}
          max={today}
          value={graduatedOn}
          onChange={(e) => setGraduatedOn(e.target.value)}
        />
      </Field>

      <Field form={form} name="evidence" label={t('evidence')} hint={t('evidenceHint')}>
        <textarea
          {...form.control('evidence', { hint: true })}
          rows={4}
          maxLength={4000}
          required
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
        />
      </Field>

      <Field form={form} name="files" label={t('files')} hint={t('filesHint')}>
        <input
          {...form.aria('files', true)}
          name="files"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
        />
      </Field>

      <button type="submit" disabled={pending} className={submitButtonClass}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
