import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carrierChoices } from '@/db/queries/accounts';
import { requireRole } from '@/lib/server/authz';
import { AccountForm } from '../account-form';

export async function generateMetadata() {
  return { title: (await getTranslations('accounts.new'))('title') };
}

export default async function NewAccountPage() {
  await requireRole('admin');
  const [carriers, t] = await Promise.all([carrierChoices(getDb()), getTranslations('accounts.new')]);
  return (
    <>
      <PageHeader back={{ href: '/admin', label: t('back') }} title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <AccountForm initial={{ name: '', email: '', role: 'operator', carrierIds: [] }} carriers={carriers} />
      </Card>
    </>
  );
}
