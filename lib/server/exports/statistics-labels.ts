import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import type { Labels } from './statistics-columns';

/** The enum labels and yes / no words of the statistics tables, in one language. */
export async function statisticsLabels(
  locale: Locale,
): Promise<{ labels: Labels; yesNo: { yes: string; no: string }; t: Awaited<ReturnType<typeof getTranslations<'statistics'>>> }> {
  const [t, kinds, levels, industries, talent, technicalFields] = await Promise.all([
    getTranslations({ locale, namespace: 'statistics' }),
    getTranslations({ locale, namespace: 'kinds' }),
    getTranslations({ locale, namespace: 'levels' }),
    getTranslations({ locale, namespace: 'industries' }),
    getTranslations({ locale, namespace: 'talent' }),
    getTranslations({ locale, namespace: 'technicalFields' }),
  ]);
  const known = (tr: { has: (k: string) => boolean }, k: string, label: () => string) => (tr.has(k) ? label() : k);
  const labels: Labels = {
    kind: (k) => known(kinds, k, () => kinds(k as 'nursery')),
    level: (l) => known(levels, l, () => levels(l as 'national')),
    industry: (i) => known(industries, i, () => industries(i as 'other')),
    technicalField: (f) => (f === null ? null : known(technicalFields, f, () => technicalFields(f as 'other'))),
    talent: (flags) => flags.map((f) => known(talent, f, () => talent(f as 'phd'))).join(locale === 'en' ? ', ' : '、'),
  };
  return { labels, yesNo: { yes: t('yes'), no: t('no') }, t };
}
