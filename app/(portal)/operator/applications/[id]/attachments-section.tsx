'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Field, notice, OutcomeMessage, submitButtonClass, useActionForm } from '@/components/forms/form-kit';
import { RowRemoval } from '@/components/forms/row-removal';
import { useHydrated } from '@/components/forms/use-hydrated';
import { MAX_EVIDENCE_FILE_BYTES } from '@/lib/evidence-files';
import { addAttachmentAction, removeAttachmentAction } from './actions';

export type AttachmentRow = {
  id: number;
  fileName: string;
  sizeBytes: number;
  documentType: string | null;
  documentLabel: string | null;
  uploadedOn: string;
};

/** Another document the applicant adds of their own accord. */
const OTHER = 'other';

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The application's documents: the programme's required ones with what is attached, the list
 * with download links, and (on a draft or a returned application) upload and removal. The
 * server judges a file's type from its bytes; its size is checked here too, so that a large
 * file is not sent only to be refused.
 */
export function AttachmentsSection(props: {
  applicationId: number;
  version: number;
  editable: boolean;
  required: { key: string; label: string }[];
  files: AttachmentRow[];
}) {
  const t = useTranslations('applications.attachments');
  const tOutcome = useTranslations('outcome');
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const attachedTypes = new Set(props.files.map((f) => f.documentType));
  const firstMissing = props.required.find((r) => !attachedTypes.has(r.key))?.key ?? props.required[0]?.key ?? OTHER;
  const [documentType, setDocumentType] = useState('');
  const form = useActionForm(addAttachmentAction);
  const removal = useActionForm(removeAttachmentAction);
  // One notice for the section: that of the latest change, an upload or a removal.
  const [latest, setLatest] = useState<'add' | 'remove'>('add');
  const outcome = latest === 'add' ? form.outcome : removal.outcome;
  const pending = form.pending || removal.pending;
  const [removing, setRemoving] = useState<number | null>(null);
  const chosenType = documentType || firstMissing;

  function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    setLatest('add');
    const refuse = (message: string) => {
      form.setErrors({ file: [message] });
      form.setOutcome(notice('error', tOutcome('invalid')));
    };
    if (!file) return refuse(t('chooseFile'));
    if (file.size > MAX_EVIDENCE_FILE_BYTES) return refuse(t('tooLarge', { name: file.name }));
    const data = new FormData();
    data.set('applicationId', String(props.applicationId));
    data.set('version', String(props.version));
    data.set('documentType', chosenType);
    data.set('file', file);
    form.submit(data, (added) => {
      // The name it was stored under: cleaned, with the extension of the type its bytes are.
      form.setOutcome(notice('ok', t('uploaded', { name: added.fileName })));
      setDocumentType('');
      if (fileInput.current) fileInput.current.value = '';
      router.refresh();
    });
  }

  function remove(f: AttachmentRow) {
    setLatest('remove');
    form.reset();
    removal.submit(
      { applicationId: props.applicationId, version: props.version, attachmentId: f.id },
      () => {
        setRemoving(null);
        removal.setOutcome(notice('ok', t('removed', { name: f.fileName })));
        router.refresh();
      },
      () => setRemoving(null),
    );
  }

  // Errors of the upload's fields are announced beside them, instead of the notice.
  const fieldRefused = latest === 'add' && (form.has('file') || form.has('documentType'));
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="mb-3 text-base font-semibold text-slate-900">
        {t('title')}
      </h2>

      {props.required.length ? (
        <div className="mb-4">
          <h3 className="text-sm font-medium text-slate-800">{t('required')}</h3>
          <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
            {props.required.map((r) => {
              const ok = attachedTypes.has(r.key);
              return (
                <li key={r.key} className={ok ? 'text-emerald-800' : 'text-slate-700'}>
                  <span aria-hidden="true">{ok ? '✓' : '○'}</span> {r.label}
                  <span className="sr-only">{ok ? t('isAttached') : t('isMissing')}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {props.files.length === 0 ? (
        <p className="text-sm text-slate-600">{props.editable ? t('emptyEditable') : t('empty')}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('caption')}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                  {t('type')}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                  {t('file')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium text-slate-700">
                  {t('size')}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                  {t('uploadedOn')}
                </th>
                {props.editable ? (
                  <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                    <span className="sr-only">{t('actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.files.map((f) => (
                <tr key={f.id}>
                  <td className="px-3 py-2">{f.documentType === OTHER ? t('other') : (f.documentLabel ?? '—')}</td>
                  <td className="px-3 py-2">
                    <a href={`/api/applications/attachments/${f.id}`} className="break-all text-brand-700 underline" download>
                      {f.fileName}
                    </a>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{sizeLabel(f.sizeBytes)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{f.uploadedOn}</td>
                  {props.editable ? (
                    <td className="whitespace-nowrap px-3 py-2">
                      <RowRemoval
                        asking={removing === f.id}
                        pending={pending}
                        removeLabel={t('remove')}
                        removeAriaLabel={t('removeNamed', { name: f.fileName })}
                        confirmLabel={t('confirmRemove', { name: f.fileName })}
                        cancelLabel={t('cancel')}
                        onAsk={() => setRemoving(f.id)}
                        onConfirm={() => remove(f)}
                        onCancel={() => setRemoving(null)}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {outcome && !(fieldRefused && outcome.kind !== 'ok') ? (
        <div className="mt-3">
          <OutcomeMessage
            outcome={outcome}
            action={
              outcome.kind === 'conflict' ? (
                <button type="button" onClick={() => router.refresh()} className="mt-1 font-medium underline">
                  {t('reload')}
                </button>
              ) : null
            }
          />
        </div>
      ) : null}

      {props.editable ? (
        <form onSubmit={upload} noValidate className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4" aria-label={t('uploadForm')}>
          <Field form={form} name="documentType" label={t('documentType')} className="min-w-56" announce>
            <select {...form.control('documentType')} value={chosenType} onChange={(e) => setDocumentType(e.target.value)}>
              {props.required.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.label}
                  {attachedTypes.has(r.key) ? ` ${t('attachedMark')}` : ''}
                </option>
              ))}
              <option value={OTHER}>{t('other')}</option>
            </select>
          </Field>
          <Field form={form} name="file" label={t('chooseLabel')} hint={t('fileHint')} className="min-w-64 flex-1" announce>
            <input
              {...form.aria('file', true)}
              ref={fileInput}
              type="file"
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
            />
          </Field>
          <button type="submit" disabled={pending || !hydrated} className={`mt-6 ${submitButtonClass}`}>
            {pending ? t('uploading') : t('upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
