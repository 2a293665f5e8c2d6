import { getLocale, getTranslations } from 'next-intl/server';
import { StayFrame } from '@/components/residency/stay-frame';
import { Card } from '@/components/ui/card';
import { todayInShanghai } from '@/lib/domain/dates';
import { reasonsFor } from '@/lib/domain/residency';
import { openStayFrom } from '../../_ui/load';
import { localName } from '@/lib/display-format';
import { ExitForm } from './exit-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.exit'))('title') };
}

export default async function ExitPage({ params }: { params: Promise<{ id: string }> }) {
  const { stay } = await openStayFrom(params);
  const [t, tCommon, locale] = await Promise.all([getTranslations('residency.exit'), getTranslations('residency.common'), getLocale()]);
  const carrierName = localName(locale, { name: stay.carrierName, nameEn: stay.carrierNameEn });
  return (
    <StayFrame
      title={t('title')}
      subtitle={t('subtitle', { name: stay.name, carrier: carrierName })}
      backLabel={tCommon('backToVenture')}
      stay={stay}
      carrierName={carrierName}
    >
      <Card>
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
    </StayFrame>
  );
}
