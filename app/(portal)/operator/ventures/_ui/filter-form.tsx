import { FilterBar } from '@/components/ui/filter-bar';
import { getTranslations } from 'next-intl/server';
import { CarrierOptions, IndustryOptions, PickerSelect } from '@/components/forms/picker-select';
import { VENTURE_STAGES } from '@/lib/domain/vocabulary';
import type { VentureFilters } from '@/lib/validation/venture-filters';

const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

const flagValue = (b: boolean | undefined) => (b === undefined ? '' : b ? '1' : '0');

/** The list's filters as a plain GET form, so that every view is a bookmarkable URL. */
export async function VentureFilterForm({
  filters,
  carriers,
  pageSize,
}: {
  filters: VentureFilters;
  carriers: { id: number; name: string }[];
  pageSize?: number;
}) {
  const [t, tStages] = await Promise.all([getTranslations('ventures.filters'), getTranslations('stages')]);
  return (
    <FilterBar
      label={t('label')}
      basePath="/operator/ventures"
      size={pageSize ? String(pageSize) : undefined}
      kept={{ sort: filters.sort, dir: filters.dir }}
      applyLabel={t('apply')}
      resetLabel={t('reset')}
    >
      <label className="flex flex-col text-sm">
        <span className="mb-1 text-slate-700">{t('q')}</span>
        <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('qPlaceholder')} className={`${field} w-60`} />
      </label>
      <PickerSelect label={t('carrier')} name="carrier" className={field} defaultValue={filters.carrierId ? String(filters.carrierId) : ''}>
        <option value="">{t('anyCarrier')}</option>
        <CarrierOptions carriers={carriers} />
      </PickerSelect>
      <PickerSelect label={t('stage')} name="stage" className={field} defaultValue={filters.stage ?? ''}>
        <option value="">{t('any')}</option>
        {VENTURE_STAGES.map((s) => (
          <option key={s} value={s}>
            {tStages(s)}
          </option>
        ))}
      </PickerSelect>
      <PickerSelect label={t('industry')} name="industry" className={field} defaultValue={filters.industry ?? ''}>
        <option value="">{t('any')}</option>
        <IndustryOptions />
      </PickerSelect>
      <PickerSelect label={t('highTech')} name="highTech" className={field} defaultValue={flagValue(filters.highTech)}>
        <option value="">{t('any')}</option>
        <option value="1">{t('yes')}</option>
        <option value="0">{t('no')}</option>
      </PickerSelect>
      <PickerSelect label={t('warnings')} name="warnings" className={field} defaultValue={flagValue(filters.warnings)}>
        <option value="">{t('any')}</option>
        <option value="1">{t('withWarnings')}</option>
        <option value="0">{t('withoutWarnings')}</option>
      </PickerSelect>
      <PickerSelect label={t('limit')} name="limit" className={field} defaultValue={filters.limit ?? ''}>
        <option value="">{t('any')}</option>
        <option value="due_soon">{t('limitDueSoon')}</option>
        <option value="overdue">{t('limitOverdue')}</option>
      </PickerSelect>
      <label className="flex flex-col text-sm">
        <span className="mb-1 text-slate-700">{t('entered')}</span>
        <input
          type="number"
          name="entered"
          min={1990}
          max={2100}
          inputMode="numeric"
          defaultValue={filters.enteredYear ?? ''}
          placeholder={t('enteredPlaceholder')}
          className={`${field} w-28`}
        />
      </label>
    </FilterBar>
  );
}
