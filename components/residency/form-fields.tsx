'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field, notice, OutcomeMessage, type ActionForm } from '@/components/forms/form-kit';
import { CarrierOptions } from '@/components/forms/picker-select';

/** Fields that admission, incorporation and admitting a graduate ask alike. */
type Change = (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
type FieldProps = { form: ActionForm; value: string; onChange: Change };

export function CreditCodeField({ form, value, onChange }: FieldProps) {
  const t = useTranslations('residency');
  return (
    <Field form={form} name="creditCode" label={t('fields.creditCode')} hint={t('fields.creditCodeHint')}>
      <input
        {...form.control('creditCode', { hint: true, className: 'font-mono uppercase' })}
        value={value}
        onChange={onChange}
        maxLength={24}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
}

/** The carrier a stay opens in, chosen from those offered. */
export function CarrierField({ form, value, onChange, label, carriers }: FieldProps & { label: string; carriers: { id: number; name: string }[] }) {
  return (
    <Field form={form} name="carrierId" label={label}>
      <select {...form.control('carrierId')} value={value} onChange={onChange}>
        <CarrierOptions carriers={carriers} />
      </select>
    </Field>
  );
}

/** The area and workstations a stay takes up. */
export function SpaceFields({
  form,
  values,
  onChange,
}: {
  form: ActionForm;
  values: { areaM2: string; workstations: string };
  onChange: (name: 'areaM2' | 'workstations') => Change;
}) {
  const t = useTranslations('residency');
  return (
    <>
      {(['areaM2', 'workstations'] as const).map((name) => (
        <Field key={name} form={form} name={name} label={t(`fields.${name}`)}>
          <input {...form.control(name)} inputMode="numeric" value={values[name]} onChange={onChange(name)} />
        </Field>
      ))}
    </>
  );
}

/** The rule warnings recorded with a stay, listed so that they cannot be missed. */
export function WarningList({ title, warnings }: { title: string; warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
      <p className="text-sm font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a form that opened a stay shows once it has: the success with the rule warnings recorded,
 * the link to the venture and (`onAnother`) a button back to an empty form.
 */
export function StayOpened({
  message,
  lead,
  warnings,
  ventureId,
  onAnother,
}: {
  message: string;
  /** A line above the warnings, when there are any. */
  lead?: string;
  warnings: string[];
  ventureId: number;
  onAnother?: () => void;
}) {
  const t = useTranslations('residency');
  return (
    <div className="space-y-4">
      <OutcomeMessage outcome={notice('ok', message)}>
        {lead && warnings.length ? <p className="mt-2 text-sm">{lead}</p> : null}
        <WarningList title={t('warnings.title')} warnings={warnings} />
      </OutcomeMessage>
      <div className="flex flex-wrap gap-3">
        <Link
          href={`/operator/ventures/${ventureId}`}
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('common.viewVenture')}
        </Link>
        {onAnother ? (
          <button
            type="button"
            onClick={onAnother}
            className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('new.another')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
