import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { StaySummary } from '@/components/residency/stay-summary';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carriersForResidency } from '@/db/queries/admission';
import { openResidencyOfVenture } from '@/db/queries/residencies';
import { requireRole, scopeFor } from '@/lib/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { id as idSchema } from '@/lib/validation/fields';
import { IncorporationForm } from './incorporation-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.incorporate'))('title') };
}

export default async function IncorporatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = getDb();
  const [stay, incubators, t, tCommon, locale] = await Promise.all([
    openResidencyOfVenture(db, scope, parsed.data),
    carriersForResidency(db, scope, ['incubator']),
    getTranslations('residency.incorporate'),
    getTranslations('residency.common'),
    getLocale(),
  ]);
  if (!stay) notFound();
  const localName = (c: { name: string; nameEn: string | null }) => (locale === 'en' ? (c.nameEn ?? c.name) : c.name);
  const carrierName = localName({ name: stay.carrierName, nameEn: stay.carrierNameEn });
  const isNurseryTeam = stay.kind === 'team' && stay.residencyStage === 'nursery';
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { name: stay.name, carrier: carrierName })}
        actions={
          <Link href={`/operator/ventures/${stay.ventureId}`} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
            {tCommon('backToVenture')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <StaySummary stay={stay} carrierName={carrierName} />
        <div className="lg:col-span-2">
          {!isNurseryTeam ? (
            <EmptyState>{t('notTeam')}</EmptyState>
          ) : incubators.length === 0 ? (
            <EmptyState>{t('noIncubator')}</EmptyState>
          ) : (
            <Card>
              <p className="mb-5 text-sm text-slate-700">{t('intro')}</p>
              <IncorporationForm
                ventureId={stay.ventureId}
                version={stay.version}
                teamName={stay.name}
                nurseryEnteredOn={stay.enteredOn}
                incubators={incubators.map((c) => ({ id: c.id, name: localName(c) }))}
                initialSpace={{ areaM2: stay.areaM2, workstations: stay.workstations }}
                today={todayInShanghai()}
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
