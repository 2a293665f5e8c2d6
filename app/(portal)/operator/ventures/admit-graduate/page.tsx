import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carriersForResidency } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { localName } from '@/lib/display-format';
import { GraduateForm } from './graduate-form';

export async function generateMetadata() {
  return { title: (await getTranslations('residency.graduate'))('title') };
}

export default async function AdmitGraduatePage() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const [accelerators, t, locale] = await Promise.all([
    carriersForResidency(getDb(), scope, ['accelerator']),
    getTranslations('residency.graduate'),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {accelerators.length === 0 ? (
        <EmptyState>
          {t('notAccelerator')}{' '}
          <Link href="/operator/ventures/new" className="font-medium text-brand-700 underline hover:text-brand-800">
            {t('newLink')}
          </Link>
        </EmptyState>
      ) : (
        <Card className="max-w-3xl">
          <p className="mb-5 text-sm text-slate-700">{t('intro')}</p>
          <GraduateForm accelerators={accelerators.map((c) => ({ id: c.id, name: localName(locale, c) }))} today={todayInShanghai()} />
        </Card>
      )}
    </>
  );
}
