import { getTranslations, getLocale } from 'next-intl/server';
import type { CarrierProfile } from '@/db/queries/carriers';
import { formatDate, formatInt } from '@/lib/format';
import { moneyText } from '@/lib/money';

/** The carrier's profile as its operator keeps it, read-only for the committee. */
export async function ProfileList({ profile: p }: { profile: CarrierProfile }) {
  const locale = await getLocale();
  const [t, tp, ti] = await Promise.all([getTranslations('committeeCarriers.detail'), getTranslations('carrierProfile'), getTranslations('industries')]);
  const rows: [string, React.ReactNode][] = [
    [t('operatorOrg'), p.operatorOrg],
    [t('ownership'), tp(`ownerships.${p.ownership}`)],
    [t('operatingSince'), formatDate(p.operatingSince)],
    [t('address'), p.address ?? '—'],
    [t('areas'), t('areasValue', { total: formatInt(p.totalAreaM2), incubation: formatInt(p.incubationAreaM2), service: formatInt(p.publicServiceAreaM2) })],
    [t('workstations'), formatInt(p.workstations)],
    [t('seedFund'), moneyText(locale, p.seedFundFen)],
    [t('staff'), t('staffValue', { professional: p.professionalStaff, total: p.totalStaff, mentors: p.mentors })],
    [t('focusIndustries'), p.focusIndustries.length ? p.focusIndustries.map((i) => ti(i)).join(t('separator')) : '—'],
    [t('specialised'), p.specialised ? t('yes') : t('no')],
    [t('contact'), [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ') || '—'],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
