import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireSignedIn } from '@/lib/authz';
import { PasswordForm } from './password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('accounts.password'))('title') };
}

/** Every user's own password; the one page open to a user who must still replace a one-time password. */
export default async function PasswordPage() {
  const user = await requireSignedIn();
  const t = await getTranslations('accounts.password');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { email: user.email })} />
      {user.mustChangePassword ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t('forced')}
        </p>
      ) : null}
      <Card className="max-w-xl">
        <PasswordForm email={user.email} />
      </Card>
    </>
  );
}
