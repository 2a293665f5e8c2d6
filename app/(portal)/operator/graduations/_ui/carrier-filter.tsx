import { CarrierOptions, PickerSelect } from '@/components/forms/picker-select';

/** A GET form choosing one of the operator's carriers (shown only when they run several). */
export function CarrierFilter({
  label,
  carrierLabel,
  anyLabel,
  applyLabel,
  carriers,
  value,
  hidden,
  children,
}: {
  label: string;
  carrierLabel: string;
  anyLabel: string;
  applyLabel: string;
  carriers: { id: number; name: string }[];
  value: number | undefined;
  hidden?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  return (
    <form method="get" role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(hidden ?? {}).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      {carriers.length > 1 ? (
        <PickerSelect label={carrierLabel} name="carrier" defaultValue={value ? String(value) : ''} className={field}>
          <option value="">{anyLabel}</option>
          <CarrierOptions carriers={carriers} />
        </PickerSelect>
      ) : null}
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        {applyLabel}
      </button>
    </form>
  );
}
