import Link from 'next/link';
import { filterField } from '@/lib/search-params';

/**
 * The filter form above a list: its fields, the sort (`kept`) and page size kept when not the
 * default, and the apply and reset buttons. It is sent with GET, so the filters stay in the address.
 */
export function FilterBar({
  label,
  basePath,
  size,
  kept = {},
  applyLabel,
  resetLabel,
  children,
}: {
  label: string;
  basePath: string;
  size: string | undefined;
  kept?: Record<string, string | undefined>;
  applyLabel: string;
  resetLabel: string;
  children: React.ReactNode;
}) {
  return (
    <form method="get" role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      {Object.entries(kept).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {size ? <input type="hidden" name="size" value={size} /> : null}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {applyLabel}
        </button>
        <Link href={basePath} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
          {resetLabel}
        </Link>
      </div>
    </form>
  );
}

/** One field of a filter bar: its label above the control. */
export function FilterField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="mb-1 text-slate-700">{label}</span>
      {children}
    </label>
  );
}

/** A filter's select; `empty` is the label of the choice that leaves the filter off. */
export function FilterSelect({
  label,
  name,
  defaultValue,
  empty,
  options,
  className = filterField,
}: {
  label: string;
  name: string;
  defaultValue: string;
  empty?: string;
  options: readonly { value: string | number; label: React.ReactNode }[];
  className?: string;
}) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={defaultValue} className={className}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}
