'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { saveAccreditationAction } from './actions';

type Options = { value: string; label: string }[];

/**
 * Kind, level and status of a carrier, kept by the committee. Sent with the version the page
 * was loaded with; a change made meanwhile comes back as a conflict and nothing is saved.
 */
export function AccreditationForm({
  carrierId,
  version,
  values,
  kinds,
  levels,
  statuses,
}: {
  carrierId: number;
  version: number;
  values: { kind: string; level: string; status: string };
  kinds: Options;
  levels: Options;
  statuses: Options;
}) {
  const t = useTranslations('committeeCarriers');
  const router = useRouter();
  const form = useActionForm(saveAccreditationAction);
  const [current, setCurrent] = useState(values);
  const select = (name: 'kind' | 'level' | 'status', label: string, options: Options) => (
    <Field form={form} name={name} label={label}>
      <select
        name={name}
        value={current[name]}
        onChange={(e) => setCurrent({ ...current, [name]: e.target.value })}
        className={inputClass}
        {...form.aria(name)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form
      noValidate
      aria-label={t('detail.accreditation')}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit(new FormData(e.currentTarget), (r) => {
          form.setOutcome({ kind: 'ok', text: r.changed.length === 0 ? t('detail.unchanged') : t('detail.saved'), details: [] });
          router.refresh();
        });
      }}
    >
      <input type="hidden" name="carrierId" value={carrierId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-600">{t('detail.accreditationHint')}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        {select('kind', t('kind'), kinds)}
        {select('level', t('level'), levels)}
        {select('status', t('status'), statuses)}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={primaryButton}>
          {form.pending ? t('detail.saving') : t('detail.save')}
        </button>
        <span className="text-xs text-slate-600">{t('detail.version', { version })}</span>
      </div>
      <OutcomeMessage outcome={form.outcome} />
    </form>
  );
}
