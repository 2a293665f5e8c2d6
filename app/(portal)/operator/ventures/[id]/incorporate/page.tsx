import { getLocale, getTranslations } from 'next-intl/server';
import { StayFrame } from '@/components/residency/stay-frame';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { carriersForResidency } from '@/db/queries/ventures';
import { todayInShanghai } from '@/lib/domain/dates';
import { openStayFrom } from '../../_ui/load';
import { localName } from '@/lib/display-format';
import { IncorporationForm } from './incorporation-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.incorporate'))('title') };
}

export default async function IncorporatePage({ params }: { params: Promise<{ id: string }> }) {
  const { scope, stay } = await openStayFrom(params);
  const [incubators, t, tCommon, locale] = await Promise.all([
    carriersForResidency(getDb(), scope, ['incubator']),
    getTranslations('residency.incorporate'),
    getTranslations('residency.common'),
    getLocale(),
  ]);
  const carrierName = localName(locale, { name: stay.carrierName, nameEn: stay.carrierNameEn });
  const isNurseryTeam = stay.kind === 'team' && stay.residencyStage === 'nursery';
  return (
    <StayFrame
      title={t('title')}
      subtitle={t('subtitle', { name: stay.name, carrier: carrierName })}
      backLabel={tCommon('backToVenture')}
      stay={stay}
      carrierName={carrierName}
    >
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
            incubators={incubators.map((c) => ({ id: c.id, name: localName(locale, c) }))}
            initialSpace={{ areaM2: stay.areaM2, workstations: stay.workstations }}
            today={todayInShanghai()}
          />
        </Card>
      )}
    </StayFrame>
  );
}
