import { useTranslations } from 'next-intl';
import { INDUSTRIES, TECHNICAL_FIELDS } from '@/lib/validation/venture';

/**
 * A select of a picker or filter form with its label's text above it (`className` is the select's). The whole label names the
 * select, so no ids are needed.
 */
export function PickerSelect({
  label,
  labelClassName = 'flex flex-col text-sm',
  children,
  ...select
}: { label: string; labelClassName?: string; children: React.ReactNode } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className={labelClassName}>
      <span className="mb-1 text-slate-700">{label}</span>
      <select {...select}>{children}</select>
    </label>
  );
}

/** One option per carrier, by id. */
export function CarrierOptions({ carriers }: { carriers: { id: number; name: string }[] }) {
  return carriers.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name}
    </option>
  ));
}

/** One option per industry, named in the page's language. */
export function IndustryOptions() {
  const t = useTranslations('industries');
  return INDUSTRIES.map((i) => (
    <option key={i} value={i}>
      {t(i)}
    </option>
  ));
}

/** One option per technical field of the Torch statistics, named in the page's language. */
export function TechnicalFieldOptions() {
  const t = useTranslations('technicalFields');
  return TECHNICAL_FIELDS.map((f) => (
    <option key={f} value={f}>
      {t(f)}
    </option>
  ));
}

/** One option per number (years, quarters), shown as given or through `label`. */
export function NumberOptions({ values, label = String }: { values: number[]; label?: (n: number) => string }) {
  return values.map((n) => (
    <option key={n} value={n}>
      {label(n)}
    </option>
  ));
}

export const QUARTERS = [1, 2, 3, 4];
