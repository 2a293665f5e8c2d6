import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { measureText, measureUnitLabel, type MeasureUnit } from '../units';

/**
 * How this page writes a value measured in a stored unit ("1,450 个" in Chinese, "1,450" in
 * English, "CNY 1,500,000" for 万元) and the unit alone for a column of its own.
 */
export async function measureWriters(given?: string) {
  const locale = given ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: 'measureUnits' });
  const word = (u: MeasureUnit) => t(u);
  return {
    measure: (value: number, unit: string) => measureText(locale, value, unit, word),
    unitLabel: (unit: string) => measureUnitLabel(locale, unit, word),
  };
}
