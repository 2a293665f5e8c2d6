import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { openResidencyOfVenture } from '@/db/queries/residencies';
import { requireRole, scopeFor } from '@/lib/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { reasonsFor } from '@/lib/domain/residency';
import { id as idSchema } from '@/lib/validation/fields';
import { StaySummary } from '@/components/residency/stay-summary';
import { ExitForm } from './exit-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.exit'))('title') };
}

export default async function ExitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const stay = await openResidencyOfVenture(getDb(), scope, parsed.data);
  if (!stay) notFound();
  const [t, tCommon, locale] = await Promise.all([getTranslations('residency.exit'), getTranslations('residency.common'), getLocale()]);
  const carrierName = locale === 'en' ? (stay.carrierNameEn ?? stay.carrierName) : stay.carrierName;
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
        <Card className="lg:col-span-2">
          <ExitForm
            ventureId={stay.ventureId}
            residencyId={stay.residencyId}
            version={stay.version}
            name={stay.name}
            carrierName={carrierName}
            enteredOn={stay.enteredOn}
            reasons={reasonsFor(stay.residencyStage)}
            today={todayInShanghai()}
          />
        </Card>
      </div>
    </>
  );
}
