'use client';

import { useTranslations } from 'next-intl';
import { controlProps, Field, type Outcome } from '@/components/forms/field';

/** Fields that admission, incorporation and admitting a graduate ask alike. */
type Change = (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
type FieldProps = { formId: string; outcome: Outcome | null; value: string; onChange: Change };

export function CreditCodeField({ formId, outcome, value, onChange }: FieldProps) {
  const t = useTranslations('residency');
  const p = controlProps(formId, 'creditCode', outcome, true);
  return (
    <Field formId={formId} name="creditCode" label={t('fields.creditCode')} hint={t('fields.creditCodeHint')} outcome={outcome}>
      <input
        {...p}
        value={value}
        onChange={onChange}
        maxLength={24}
        autoComplete="off"
        spellCheck={false}
        className={`${p.className} font-mono uppercase`}
      />
    </Field>
  );
}

/** The carrier a stay opens in, chosen from those offered. */
export function CarrierField({ formId, outcome, value, onChange, label, carriers }: FieldProps & { label: string; carriers: { id: number; name: string }[] }) {
  return (
    <Field formId={formId} name="carrierId" label={label} outcome={outcome}>
      <select {...controlProps(formId, 'carrierId', outcome)} value={value} onChange={onChange}>
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
  formId,
  outcome,
  values,
  onChange,
}: {
  formId: string;
  outcome: Outcome | null;
  values: { areaM2: string; workstations: string };
  onChange: (name: 'areaM2' | 'workstations') => Change;
}) {
  const t = useTranslations('residency');
  return (
    <>
      {(['areaM2', 'workstations'] as const).map((name) => (
        <Field key={name} formId={formId} name={name} label={t(`fields.${name}`)} outcome={outcome}>
          <input {...controlProps(formId, name, outcome)} inputMode="numeric" value={values[name]} onChange={onChange(name)} />
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
