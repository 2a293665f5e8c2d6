import { getTranslations } from 'next-intl/server';
import type { CarrierChoice, CarrierFilterChoices } from '@/db/queries/carriers';
import { CarrierSearch } from './carrier-search';
import { FilterSelect } from './filter-bar';

/**
 * The carrier field of a committee filter bar: a select of every carrier in a small network, a
 * search as one types in a larger one (carrierFilterChoices decides, CARRIER_LIST_LIMIT).
 */
export async function NetworkCarrierFilter({
  label,
  choices,
  chosenId,
  empty,
  labelOf,
  className,
  name = 'carrier',
}: {
  label: string;
  choices: CarrierFilterChoices;
  chosenId: number | undefined;
  empty: string;
  labelOf: (c: CarrierChoice) => string;
  className?: string;
  name?: string;
}) {
  if ('list' in choices) {
    return (
      <FilterSelect
        label={label}
        name={name}
        defaultValue={chosenId?.toString() ?? ''}
        empty={empty}
        options={choices.list.map((c) => ({ value: c.id, label: labelOf(c) }))}
        className={className}
      />
    );
  }
  const t = await getTranslations('common');
  return (
    <CarrierSearch
      label={label}
      name={name}
      chosen={choices.chosen ? { value: String(choices.chosen.id), label: labelOf(choices.chosen) } : null}
      endpoint="/api/committee/carrier-choices"
      placeholder={t('carrierSearchPlaceholder')}
      unmatched={t('carrierSearchUnmatched')}
      className={className}
    />
  );
}
