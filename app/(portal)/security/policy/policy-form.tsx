'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { saveSecurityPolicyAction } from '../actions';

type Policy = {
  passwordComplexity: boolean;
  passwordMaxAgeDays: number | null;
  sessionIdleMinutes: number | null;
  sessionMaxHours: number | null;
  version: number;
};

/** The policy form: the complexity rule and three limits, saved against the version it was opened at. */
export function PolicyForm({ initial }: { initial: Policy }) {
  const t = useTranslations('securityAdmin.policy');
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useActionForm(saveSecurityPolicyAction);
  const [version, setVersion] = useState(initial.version);
  const limit = (name: keyof Policy, label: string, hint: string, max: number, value: number | null) => (
    <Field form={form} name={name} label={label} hint={hint}>
      <input
        {...form.aria(name, true)}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        defaultValue={value ?? ''}
        className={`${inputClass} max-w-40`}
      />
    </Field>
  );
  return (
    <form
      aria-label={t('form')}
      className="max-w-xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        data.set('version', String(version));
        form.submit(data, (r) => {
          setVersion(r.version);
          router.refresh();
        });
      }}
    >
      <OutcomeMessage outcome={form.outcome} />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" name="passwordComplexity" defaultChecked={initial.passwordComplexity} className="mt-0.5" />
        <span>{t('passwordComplexity')}</span>
      </label>
      {limit('passwordMaxAgeDays', t('passwordMaxAgeDays'), t('passwordMaxAgeHint'), 3650, initial.passwordMaxAgeDays)}
      {limit('sessionIdleMinutes', t('sessionIdleMinutes'), t('sessionIdleHint'), 1440, initial.sessionIdleMinutes)}
      {limit('sessionMaxHours', t('sessionMaxHours'), t('sessionMaxHint'), 24, initial.sessionMaxHours)}
      <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
        {form.pending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
