import { getTranslations } from 'next-intl/server';
import { CarrierOptions, PickerSelect } from '@/components/forms/picker-select';

/**
 * A GET form choosing one of the operator's carriers (the choice shown only when they run
 * several). Its words are the `label`, `carrier`, `anyCarrier` and `apply` of `messages`.
 */
export async function CarrierFilter({
  messages,
  carriers,
  value,
  hidden,
  children,
}: {
  messages: 'graduation.filters' | 'incubationLimits.filters';
  carriers: { id: number; name: string }[];
  value: number | undefined;
  hidden?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  const t = await getTranslations(messages);
  const [label, carrierLabel, anyLabel, applyLabel] = [t('label'), t('carrier'), t('anyCarrier'), t('apply')];
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
