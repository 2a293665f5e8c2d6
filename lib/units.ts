import { moneyText } from './money';

/**
 * The units a target or an indicator is measured in are stored as the committee typed them, in
 * Chinese ("个", "家", "%", "万元"). Each known one has a code whose words live in the catalogues
 * (`measureUnits.<code>`); Chinese pages show the unit as stored, English pages its English word.
 */
export const MEASURE_UNITS = ['count', 'items', 'people', 'events', 'pct', 'wan', 'yuan', 'm2', 'months', 'days'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

const STORED: Record<string, MeasureUnit> = {
  个: 'count',
  家: 'count',
  所: 'count',
  项: 'items',
  件: 'items',
  人: 'people',
  名: 'people',
  场: 'events',
  次: 'events',
  '%': 'pct',
  '％': 'pct',
  万元: 'wan',
  元: 'yuan',
  'm²': 'm2',
  '㎡': 'm2',
  平方米: 'm2',
  月: 'months',
  个月: 'months',
  天: 'days',
};

/** The code of a unit as stored, or null for one typed outside the known list (shown as typed). */
export function measureUnit(stored: string): MeasureUnit | null {
  return STORED[stored.trim()] ?? null;
}

const figure = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * A value with its unit as the reader writes it. Chinese keeps the stored unit ("1,450 个",
 * "19.3%"); English uses the catalogue's word, none for a plain count ("1,450"), and writes money
 * as money: a value in 万元 reads "CNY 1,500,000".
 */
export function measureText(locale: string, value: number, stored: string, word: (unit: MeasureUnit) => string): string {
  const unit = measureUnit(stored);
  if (unit === 'pct') return `${figure(value)}%`;
  if (locale !== 'en') return stored.trim() ? `${figure(value)} ${stored.trim()}` : figure(value);
  if (unit === 'wan') return moneyText('en', Math.round(value * 1_000_000));
  if (unit === 'yuan') return moneyText('en', Math.round(value * 100));
  const label = unit === null ? stored.trim() : word(unit);
  return label ? `${figure(value)} ${label}` : figure(value);
}

/**
 * The unit alone, for a column of its own beside the values as stored: as stored in Chinese, the
 * catalogue's word in English (万元 reads "CNY 10,000", as English accounts write such a unit).
 */
export function measureUnitLabel(locale: string, stored: string, word: (unit: MeasureUnit) => string): string {
  const unit = measureUnit(stored);
  if (locale !== 'en' || unit === null) return stored;
  return word(unit);
}
