'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { changePasswordAction } from './actions';

/**
 * Current password, new password and its repetition. On success the user goes to their home;
 * on a refusal the fields stay as typed and the errors sit next to them.
 */
export function PasswordForm({ email, hint }: { email: string; hint: string }) {
  const t = useTranslations('accounts.password');
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useActionForm<{ home: string }>(changePasswordAction);
  const ref = useRef<HTMLFormElement>(null);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    form.submit(new FormData(e.currentTarget), (r) => {
      ref.current?.reset();
      form.setOutcome({ kind: 'ok', text: t('changed'), details: [] });
      router.push(r.home);
      router.refresh();
    });
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label={t('label')} className="space-y-4">
      <OutcomeMessage outcome={form.outcome} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={email} readOnly autoComplete="username" hidden />
      <Field form={form} name="currentPassword" label={t('current')}>
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          className={inputClass}
          {...form.aria('currentPassword')}
        />
      </Field>
      <Field form={form} name="newPassword" label={t('new')} hint={hint}>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={200}
          className={inputClass}
          {...form.aria('newPassword', true)}
        />
      </Field>
      <Field form={form} name="repeatPassword" label={t('repeat')}>
        <input
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          maxLength={200}
          className={inputClass}
          {...form.aria('repeatPassword')}
        />
      </Field>
      <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
        {form.pending ? t('pending') : t('submit')}
      </button>
    </form>
  );
}
