'use client';

import { useTranslations } from 'next-intl';
import { Field, type ActionForm } from '@/components/forms/form-kit';

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
        {carriers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
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
