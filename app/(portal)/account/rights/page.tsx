import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { pendingGrantOfUser } from '@/db/queries/accounts';
import { requireUser } from '@/lib/server/authz';
import { homeFor } from '@/lib/roles';
import { formatAt } from '@/lib/server/audit-view/labels';

export async function generateMetadata() {
  return { title: (await getTranslations('rightsGrants'))('pendingTitle') };
}

/**
 * Where a user whose rights await the security administrator lands: what was requested and
 * when, and that the role's pages open once it is approved.
 */
export default async function RightsPendingPage() {
  const user = await requireUser();
  const [grant, t, tRoles] = await Promise.all([pendingGrantOfUser(getDb(), user.id), getTranslations('rightsGrants'), getTranslations('roles')]);
  return (
    <>
      <PageHeader title={t('pendingTitle')} />
      <Card>
        {user.rightsPending ? (
          <p role="status" className="text-sm text-slate-800">
            {t('pendingText', { role: tRoles(grant?.role ?? user.role), at: grant ? formatAt(grant.requestedAt) : '—' })}
          </p>
        ) : (
          <p className="text-sm text-slate-800">
            {t('pendingNone')}{' '}
            <Link href={homeFor(user.role)} className="text-brand-700 underline">
              {t('home')}
            </Link>
          </p>
        )}
      </Card>
    </>
  );
}
