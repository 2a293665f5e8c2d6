'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, inputClass, OutcomeMessage, primaryButton, secondaryButton, useActionForm } from '@/components/forms/form-kit';
import { saveTargetAction } from './actions';

export type TargetValues = { year: string; metric: string; targetMin: string; targetMax: string; unit: string; note: string };

/**
 * Adding a target, or changing one (with the version it was read at, so that a change made
 * meanwhile by someone else is refused, not overwritten). What was typed stays after an error.
 */
export function TargetForm({
  initial,
  targetId,
  version,
  metrics,
}: {
  initial: TargetValues;
  targetId?: number;
  version?: number;
  metrics: { code: string; label: string }[];
}) {
  const t = useTranslations('networkTargets');
  const router = useRouter();
  const form = useActionForm<{ targetId: number; version: number }>(saveTargetAction);
  const editing = targetId !== undefined;
  const [currentVersion, setCurrentVersion] = useState(version);
  const [formKey, setFormKey] = useState(0);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    form.submit(new FormData(e.currentTarget), (r) => {
      if (editing) setCurrentVersion(r.version);
      else setFormKey((k) => k + 1);
      router.refresh();
    });
  }

  return (
    <form
      key={formKey}
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? t('editTarget', { metric: initial.metric, year: initial.year }) : t('newTarget')}
      className="space-y-4"
    >
      <OutcomeMessage
        outcome={form.outcome}
        action={
          form.outcome?.kind === 'conflict' ? (
            <p className="mt-1">
              <a href={`/committee/targets?edit=${targetId}`} className="font-medium underline">
                {t('reload')}
              </a>
            </p>
          ) : null
        }
      />
      {editing ? (
        <>
          <input type="hidden" name="targetId" value={targetId} />
          <input type="hidden" name="version" value={currentVersion} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field form={form} name="year" label={t('year')}>
          <input name="year" type="number" min={2000} max={2100} defaultValue={initial.year} required className={inputClass} {...form.aria('year')} />
        </Field>
        <Field form={form} name="metric" label={t('metricCode')} hint={t('metricHint')} className="md:col-span-2">
          <input
            name="metric"
            list="target-metrics"
            defaultValue={initial.metric}
            maxLength={60}
            required
            autoComplete="off"
            className={inputClass}
            {...form.aria('metric', true)}
          />
          <datalist id="target-metrics">
            {metrics.map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
          </datalist>
        </Field>
        <Field form={form} name="targetMin" label={t('min')}>
          <input name="targetMin" inputMode="decimal" defaultValue={initial.targetMin} required className={inputClass} {...form.aria('targetMin')} />
        </Field>
        <Field form={form} name="targetMax" label={t('max')}>
          <input name="targetMax" inputMode="decimal" defaultValue={initial.targetMax} className={inputClass} {...form.aria('targetMax')} />
        </Field>
        <Field form={form} name="unit" label={t('unit')}>
          <input name="unit" defaultValue={initial.unit} maxLength={20} required className={inputClass} {...form.aria('unit')} />
        </Field>
      </div>
      <Field form={form} name="note" label={t('note')}>
        <textarea name="note" defaultValue={initial.note} maxLength={500} rows={2} className={inputClass} {...form.aria('note')} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={primaryButton}>
          {form.pending ? t('saving') : editing ? t('save') : t('create')}
        </button>
        {editing ? (
          <Link href={`/committee/targets?year=${initial.year}`} className={secondaryButton}>
            {t('cancel')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
