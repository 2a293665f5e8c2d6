import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, getLocale } from 'next-intl/server';
import { pathId } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getCarrierProfile } from '@/db/queries/carriers';
import { INDUSTRIES } from '@/lib/domain/vocabulary';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { EntityHistory } from '@/components/audit/entity-history';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { fenToYuanInput } from '@/lib/validation/amount-input';
import { CarrierProfileForm } from './profile-form';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('carrierProfile'))('editTitle') };
}

export default async function CarrierProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const locale = await getLocale();
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const id = pathId((await params).id);
  if (id === undefined) notFound();
  const carrier = await orNotFound(getCarrierProfile(getDb(), scope, id));
  const [t, tKinds, tLevels, tIndustries, tStatus] = await Promise.all([
    getTranslations('carrierProfile'),
    getTranslations('kinds'),
    getTranslations('levels'),
    getTranslations('industries'),
    getTranslations('glossary.carrierStatus'),
  ]);
  const accreditation: [string, string][] = [
    [t('name'), carrier.name],
    [t('kind'), tKinds(carrier.kind)],
    [t('level'), tLevels(carrier.level)],
    [t('status'), tStatus(carrier.status)],
    [t('operatorOrg'), carrier.operatorOrg],
    [t('ownership'), t(`ownerships.${carrier.ownership}`)],
    [t('zone'), carrier.zone],
    [t('operatingSince'), formatDate(carrier.operatingSince)],
    [t('address'), carrier.address ?? '—'],
  ];
  return (
    <>
      <PageHeader
        title={carrier.name}
        subtitle={t('version', { version: carrier.version, date: todayInShanghai(carrier.updatedAt) })}
        actions={
          <Link href="/operator/carriers" className="text-sm font-medium text-brand-700 underline">
            {t('back')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t('accreditation')} className="self-start lg:col-span-1">
          <p className="mb-3 text-sm text-slate-600">{t('accreditationHint')}</p>
          <dl className="space-y-2 text-sm">
            {accreditation.map(([label, value]) => (
              <div key={label} className="grid grid-cols-[8rem_1fr] gap-2">
                <dt className="text-slate-600">{label}</dt>
                <dd className="font-medium text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t('editTitle')} className="lg:col-span-2">
          <CarrierProfileForm
            key={carrier.id}
            industries={INDUSTRIES.map((value) => ({ value, label: tIndustries(value) }))}
            seedFundWan={moneyFigure(locale, carrier.seedFundFen)}
            initial={{
              carrierId: carrier.id,
              version: carrier.version,
              totalAreaM2: String(carrier.totalAreaM2),
              incubationAreaM2: String(carrier.incubationAreaM2),
              publicServiceAreaM2: String(carrier.publicServiceAreaM2),
              workstations: String(carrier.workstations),
              services: carrier.services ?? '',
              seedFundFen: fenToYuanInput(carrier.seedFundFen),
              professionalStaff: String(carrier.professionalStaff),
              totalStaff: String(carrier.totalStaff),
              mentors: String(carrier.mentors),
              focusIndustries: carrier.focusIndustries,
              specialised: carrier.specialised,
              publicProfile: carrier.publicProfile,
              contactName: carrier.contactName ?? '',
              contactPhone: carrier.contactPhone ?? '',
              contactEmail: carrier.contactEmail ?? '',
            }}
          />
        </Card>
      </div>
      <EntityHistory user={user} entity="carrier" entityId={carrier.id} />
    </>
  );
}
