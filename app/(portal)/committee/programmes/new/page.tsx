import Link from 'next/link';
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
      <p className="mb-2 text-sm">
        <Link href="/committee/programmes" className="text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
      </p>
      <PageHeader title={t('newTitle')} />
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
