import { getTranslations } from 'next-intl/server';
import { CarrierOptions, NumberOptions, PickerSelect, QUARTERS } from '@/components/forms/picker-select';
import { quarterOptions } from '@/lib/domain/reporting';

/** A GET form choosing the carrier and the closed quarter, so that every view can be bookmarked. */
export async function QuarterPicker({
  carriers,
  carrierId,
  year,
  quarter,
  missing,
  today,
}: {
  carriers: { id: number; name: string }[];
  carrierId: number;
  year: number;
  quarter: number;
  missing: boolean;
  today: string;
}) {
  const t = await getTranslations('reports');
  const years = [...new Set([...quarterOptions(today, 20).map((q) => q.year), year])].sort((a, b) => b - a);
  const field = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm';
  return (
    // Keyed by the view, so that a link to another view resets the uncontrolled fields to it.
    <form
      key={`${carrierId}-${year}-${quarter}-${missing}`}
      method="get"
      aria-label={t('pickerLabel')}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <PickerSelect label={t('carrier')} name="carrier" defaultValue={carrierId} className={field}>
        <CarrierOptions carriers={carriers} />
      </PickerSelect>
      <PickerSelect label={t('year')} name="year" defaultValue={year} className={field}>
        <NumberOptions values={years} />
      </PickerSelect>
      <PickerSelect label={t('quarter')} name="quarter" defaultValue={quarter} className={field}>
        <NumberOptions values={QUARTERS} label={(q) => t('quarterOption', { quarter: q })} />
      </PickerSelect>
      <label className="flex items-center gap-2 py-1.5 text-sm text-slate-800">
        <input type="checkbox" name="missing" value="1" defaultChecked={missing} className="h-4 w-4" />
        {t('onlyMissing')}
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        {t('show')}
      </button>
    </form>
  );
}
