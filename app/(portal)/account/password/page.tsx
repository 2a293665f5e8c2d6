import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { passwordCheckLockedUntil, getSecurityPolicy } from '@/db/queries/accounts';
import { requireSignedIn } from '@/lib/server/authz';
import { PasswordForm } from './password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('accounts.password'))('title') };
}

const notice = 'mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950';

/**
 * Every user's own password; the one page open to a user who must still replace a one-time
 * password or one past the policy's maximum age.
 */
export default async function PasswordPage() {
  const user = await requireSignedIn();
  const db = getDb();
  const now = new Date();
  const [t, tPolicy, tSessions, policy, lockedUntil] = await Promise.all([
    getTranslations('accounts.password'),
    getTranslations('passwordPolicy'),
    getTranslations('sessions'),
    getSecurityPolicy(db),
    passwordCheckLockedUntil(db, user.id, now),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { email: user.email })} />
      {user.passwordExpired ? (
        <p role="note" className={notice}>
          {tPolicy('expired', { days: policy.passwordMaxAgeDays ?? 0 })}
        </p>
      ) : user.mustChangePassword ? (
        <p role="note" className={notice}>
          {t('forced')}
        </p>
      ) : null}
      {lockedUntil ? (
        <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {tPolicy('lockedNotice', { minutes: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000)) })}
        </p>
      ) : null}
      <Card className="max-w-xl">
        <PasswordForm email={user.email} hint={policy.passwordComplexity ? tPolicy('hint') : t('newHint')} />
      </Card>
      {user.mustChangePassword ? null : (
        <p className="mt-4 text-sm">
          <Link href="/account/sessions" className="text-brand-700 underline">
            {tSessions('title')}
          </Link>
        </p>
      )}
    </>
  );
}
