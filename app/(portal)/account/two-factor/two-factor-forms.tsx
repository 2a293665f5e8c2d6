'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { PendingEnrolment } from '@/lib/second-factor-enrolment';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { enrolSecondFactorAction, regenerateRecoveryCodesAction } from './actions';

type Codes = { recoveryCodes: string[] };

/** The recovery codes, shown once after enrolment or renewal, with the way on. */
function RecoveryCodes({ codes, onward = false }: { codes: string[]; onward?: boolean }) {
  const t = useTranslations('twoFactor.codes');
  return (
    <section aria-labelledby="recovery-codes-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="recovery-codes-heading" className="text-base font-semibold">
        {t('heading')}
      </h2>
      <p className="mt-1">{t('text')}</p>
      <ul aria-label={t('label')} className="mt-3 grid grid-cols-2 gap-2 font-mono text-base text-slate-900">
        {codes.map((c) => (
          <li key={c} className="rounded bg-white px-2 py-1">
            {c}
          </li>
        ))}
      </ul>
      {onward ? (
        <p className="mt-4">
          {/* A full load, so that the shell shows the navigation the second factor opens. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose, as said above */}
          <a href="/" className="font-medium text-brand-700 underline">
            {t('continue')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function CodeInput({ form, name = 'code' }: { form: ReturnType<typeof useActionForm<Codes>>; name?: string }) {
  const t = useTranslations('twoFactor');
  return (
    <Field form={form} name={name} label={t('code')} hint={t('codeHint')}>
      <input
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        required
        maxLength={20}
        className={`${inputClass} max-w-40 font-mono tracking-widest`}
        {...form.aria(name, true)}
      />
    </Field>
  );
}

/** Confirms the shown secret with a current code; on success shows the recovery codes. */
export function EnrolForm({ pending }: { pending: PendingEnrolment }) {
  const t = useTranslations('twoFactor.enrol');
  const hydrated = useHydrated();
  const form = useActionForm<Codes>(enrolSecondFactorAction);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) {
    return (
      <div className="space-y-3">
        <OutcomeMessage outcome={{ kind: 'ok', text: t('done'), details: [] }} />
        <RecoveryCodes codes={codes} onward />
      </div>
    );
  }
  return (
    <form
      noValidate
      aria-label={t('heading')}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        // No refresh here: the page would re-render as enrolled and the codes would be gone
        // before the user kept them. The link on ends the page with a full load.
        form.submit(new FormData(e.currentTarget), (r) => setCodes(r.recoveryCodes));
      }}
    >
      <OutcomeMessage outcome={form.outcome?.kind === 'ok' ? null : form.outcome} />
      <input type="hidden" name="secret" value={pending.secret} />
      <input type="hidden" name="expires" value={pending.expires} />
      <input type="hidden" name="signature" value={pending.signature} />
      <CodeInput form={form} />
      <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
        {form.pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}

/** New recovery codes in place of the old, confirmed with a current code. */
export function RegenerateForm() {
  const t = useTranslations('twoFactor.regenerate');
  const hydrated = useHydrated();
  const form = useActionForm<Codes>(regenerateRecoveryCodesAction);
  const ref = useRef<HTMLFormElement>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="space-y-4">
      {codes ? <RecoveryCodes codes={codes} /> : null}
      <form
        ref={ref}
        noValidate
        aria-label={t('heading')}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          form.submit(new FormData(e.currentTarget), (r) => {
            ref.current?.reset();
            setCodes(r.recoveryCodes);
          });
        }}
      >
        <OutcomeMessage outcome={form.outcome?.kind === 'ok' ? { kind: 'ok', text: t('done'), details: [] } : form.outcome} />
        <CodeInput form={form} />
        <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
          {form.pending ? t('pending') : t('submit')}
        </button>
      </form>
    </div>
  );
}
