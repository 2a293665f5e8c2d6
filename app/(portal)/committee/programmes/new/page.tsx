import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { ProgrammeForm } from '../programme-form';

export async function generateMetadata() {
  return { title: (await getTranslations('review.programmeForm'))('newTitle') };
}

export default async function NewProgrammePage() {
  await requireRole('committee');
  const t = await getTranslations('review.programmeForm');
  const today = todayInShanghai();
  return (
    <>
      <PageHeader back={{ href: '/committee/programmes', label: t('back') }} title={t('newTitle')} />
      <Card>
        <ProgrammeForm
          initial={{
            code: '',
            nameZh: '',
            nameEn: '',
            year: today.slice(0, 4),
            category: 'operation',
            applicantType: 'carrier',
            eligibleKinds: [],
            eligibleStages: [],
            fundingMode: 'pre_funded',
            budget: '',
            cap: '',
            opensOn: today,
            closesOn: '',
            requiredDocuments: [],
            description: '',
            status: 'draft',
          }}
        />
      </Card>
    </>
  );
}
