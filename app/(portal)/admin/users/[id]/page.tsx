import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carrierChoices, getAccount, pendingGrantOfUser, countActiveSessions, secondFactorStatus } from '@/db/queries/accounts';
import { PASSWORD_PAGE, requireRole } from '@/lib/server/authz';
import { formatDate } from '@/lib/format';
import { roleRequiresSecondFactor } from '@/lib/roles';
import { pathId } from '@/lib/search-params';
import { AccountForm } from '../account-form';
import { AccessControl, EndSessionsControl, ResetControl } from './account-controls';
import { SecondFactorControl } from './second-factor-control';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireRole('admin');
  const userId = pathId((await params).id);
  if (!userId) notFound();
  const db = getDb();
  const account = await orNotFound(getAccount(db, userId));
  const [secondFactor, tTwoFactor, carriers, pendingGrant, activeSessions, tSessions, t, tAccountStatus, tStatus, tReset, tRoles, tAccounts, tGrants] =
    await Promise.all([
      secondFactorStatus(db, account.id),
      getTranslations('twoFactor.admin'),
      carrierChoices(db),
      pendingGrantOfUser(db, account.id),
      countActiveSessions(db, account.id),
      getTranslations('sessions.admin'),
      getTranslations('accounts.detail'),
      getTranslations('glossary.accountStatus'),
      getTranslations('accounts.status'),
      getTranslations('accounts.reset'),
      getTranslations('roles'),
      getTranslations('accounts'),
      getTranslations('rightsGrants'),
    ]);
  return (
    <>
      <PageHeader
        back={{ href: '/admin', label: t('back') }}
        title={t('title', { name: account.name })}
        subtitle={`${account.email} · ${tRoles(account.role)}`}
      />
      <dl aria-label={t('facts')} className="mb-6 grid gap-x-8 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t('status')}</dt>
          <dd className="mt-0.5 flex flex-wrap gap-2">
            <Badge tone={account.active ? 'good' : 'neutral'}>{tAccountStatus(account.active ? 'active' : 'inactive')}</Badge>
            {account.mustChangePassword ? <Badge tone="warn">{t('mustChange')}</Badge> : null}
            {pendingGrant ? <Badge tone="warn">{tGrants('badge')}</Badge> : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('lastSignIn')}</dt>
          <dd className="mt-0.5 text-slate-900">{account.lastSignInAt ? formatDate(account.lastSignInAt) : t('never')}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('createdAt')}</dt>
          <dd className="mt-0.5 text-slate-900">{formatDate(account.createdAt)}</dd>
        </div>
      </dl>
      <div className="space-y-6">
        <Card title={t('edit')}>
          <AccountForm
            userId={account.id}
            version={account.version}
            carriers={carriers}
            initial={{ name: account.name, email: account.email, role: account.role, carrierIds: account.carrierIds }}
          />
        </Card>
        <div className="grid gap-6 md:grid-cols-2">
          <Card title={tStatus('title')}>
            <p className="mb-3 text-sm text-slate-700">{account.active ? tStatus('activeText') : tStatus('inactiveText')}</p>
            <AccessControl userId={account.id} name={account.name} active={account.active} self={account.id === me.id} />
          </Card>
          <Card title={tReset('title')}>
            <p className="mb-3 text-sm text-slate-700">{tReset('text')}</p>
            {account.id === me.id ? (
              <p className="text-sm text-slate-600">
                {tReset('self')}{' '}
                <Link href={PASSWORD_PAGE} className="text-brand-700 underline">
                  {tAccounts('changePassword')}
                </Link>
              </p>
            ) : (
              <ResetControl userId={account.id} name={account.name} />
            )}
          </Card>
          <Card title={tSessions('title')}>
            <p className="mb-3 text-sm text-slate-700">{activeSessions > 0 ? tSessions('count', { count: activeSessions }) : tSessions('none')}</p>
            {activeSessions > 0 ? <EndSessionsControl userId={account.id} name={account.name} /> : null}
          </Card>
          <Card title={tTwoFactor('title')}>
            <p className="mb-1 text-sm text-slate-800">
              {secondFactor.enabledAt ? tTwoFactor('enabled', { date: formatDate(secondFactor.enabledAt) }) : tTwoFactor('notEnrolled')}
            </p>
            <p className="mb-3 text-sm text-slate-700">
              {roleRequiresSecondFactor(account.role) ? tTwoFactor('requiredForRole') : tTwoFactor('optionalForRole')}
            </p>
            {account.id === me.id ? (
              <p className="text-sm text-slate-600">{tTwoFactor('self')}</p>
            ) : secondFactor.enabledAt ? (
              <SecondFactorControl userId={account.id} name={account.name} />
            ) : null}
          </Card>
        </div>
      </div>
    </>
  );
}
