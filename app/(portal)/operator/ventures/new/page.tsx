import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carriersForResidency } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { localName } from '@/lib/display-format';
import { AdmissionForm } from './admission-form';
import { CARRIER_KINDS } from '@/lib/domain/vocabulary';
import type { AdmissionCarrierKind } from './admission-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.new'))('title') };
}

export default async function NewVenturePage() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const [carriers, t, tCommon, locale] = await Promise.all([
    carriersForResidency(getDb(), scope, CARRIER_KINDS),
    getTranslations('residency.new'),
    getTranslations('residency.common'),
    getLocale(),
  ]);
  const admitting = carriers
    .filter((c) => c.kind !== 'accelerator')
    .map((c) => ({ id: c.id, kind: c.kind as AdmissionCarrierKind, name: localName(locale, c) }));
  const runsAccelerator = carriers.some((c) => c.kind === 'accelerator');
  const link = 'text-sm font-medium text-brand-700 underline hover:text-brand-800';
  const headerLinks = (
    <span className="flex flex-wrap gap-4">
      {runsAccelerator ? (
        <Link href="/operator/ventures/admit-graduate" className={link}>
          {t('graduateLink')}
        </Link>
      ) : null}
      <Link href="/operator/ventures" className={link}>
        {tCommon('backToList')}
      </Link>
    </span>
  );
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={headerLinks} />
      {admitting.length === 0 ? (
        <EmptyState>{t('noCarriers')}</EmptyState>
      ) : (
        <Card>
          <AdmissionForm carriers={admitting} today={todayInShanghai()} />
        </Card>
      )}
    </>
  );
}
