import Image from 'next/image';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/actions/locale';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { NavLink } from '@/components/shell/nav-link';
import { NotificationBell } from '@/components/shell/notification-bell';
import { PortalHeader } from '@/components/shell/portal-header';
import { SignInNotice } from '@/components/shell/sign-in-notice';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { mustEnrolSecondFactor, PASSWORD_PAGE, requireSignedIn, RIGHTS_PENDING_PAGE, TWO_FACTOR_PAGE } from '@/lib/server/authz';
import { homeFor, type Role } from '@/lib/roles';

type NavKey =
  | 'operatorHome'
  | 'committeeHome'
  | 'adminHome'
  | 'securityHome'
  | 'securityPolicy'
  | 'auditorHome'
  | 'ventures'
  | 'reports'
  | 'graduations'
  | 'limits'
  | 'carriers'
  | 'transfer'
  | 'applications'
  | 'reviewQueue'
  | 'programmes'
  | 'networkCarriers'
  | 'graduationReview'
  | 'warnings'
  | 'statistics'
  | 'summary'
  | 'blacklist'
  | 'audit';

const NAV: Record<Role, { href: string; key: NavKey; exact?: boolean }[]> = {
  operator: [
    { href: '/operator', key: 'operatorHome', exact: true },
    { href: '/operator/ventures', key: 'ventures' },
    { href: '/operator/reports', key: 'reports' },
    { href: '/operator/graduations', key: 'graduations' },
    { href: '/operator/limits', key: 'limits' },
    { href: '/operator/carriers', key: 'carriers' },
    { href: '/operator/transfer', key: 'transfer' },
    { href: '/operator/applications', key: 'applications' },
    { href: '/operator/audit', key: 'audit' },
  ],
  committee: [
    { href: '/committee', key: 'committeeHome', exact: true },
    { href: '/committee/applications', key: 'reviewQueue' },
    { href: '/committee/programmes', key: 'programmes' },
    { href: '/committee/carriers', key: 'networkCarriers' },
    { href: '/committee/graduations', key: 'graduationReview' },
    { href: '/committee/warnings', key: 'warnings' },
    { href: '/committee/statistics', key: 'statistics' },
    { href: '/committee/summary', key: 'summary' },
    { href: '/committee/blacklist', key: 'blacklist' },
    { href: '/committee/audit', key: 'audit' },
  ],
  admin: [{ href: '/admin', key: 'adminHome', exact: true }],
  security: [
    { href: '/security', key: 'securityHome', exact: true },
    { href: '/security/policy', key: 'securityPolicy' },
  ],
  auditor: [{ href: '/auditor', key: 'auditorHome', exact: true }],
};

/**
 * The authenticated shell: navigation by role, the user, language and sign-out. A user who must
 * still change a one-time password sees no navigation; every page and action but the password
 * page sends them there (lib/server/authz requireUser).
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn();
  const [t, tNav, tRoles, tAccounts, tSessions, tTwoFactor] = await Promise.all([
    getTranslations('common'),
    getTranslations('nav'),
    getTranslations('roles'),
    getTranslations('accounts'),
    getTranslations('sessions'),
    getTranslations('twoFactor'),
  ]);
  // Held on the password page, then on the second factor's enrolment, until both are done; until
  // a grant of rights is approved, the role's pages are closed too: no way into them is shown.
  const held = user.mustChangePassword || mustEnrolSecondFactor(user);
  const nav = held || user.rightsPending ? [] : NAV[user.role];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t('skipToContent')}
      </a>
      <PortalHeader
        navLabel={t('mainNav')}
        menuLabel={t('menu')}
        brand={
          <Link
            href={user.mustChangePassword ? PASSWORD_PAGE : held ? TWO_FACTOR_PAGE : user.rightsPending ? RIGHTS_PENDING_PAGE : homeFor(user.role)}
            className="flex items-center gap-2 font-semibold text-brand-800"
          >
            <Image src="/logo.svg" alt={t('logoAlt')} width={24} height={24} className="h-6 w-6" />
            {t('appName')}
          </Link>
        }
        account={
          <>
            <span className="text-slate-700">
              <span className="sr-only">{t('signedInAs')}: </span>
              <span className="font-medium">{user.name}</span>
              <span className="ml-2 whitespace-nowrap rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{tRoles(user.role)}</span>
            </span>
            <Link href={PASSWORD_PAGE} className="whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
              {tAccounts('changePassword')}
            </Link>
            {user.mustChangePassword ? null : (
              <Link href="/account/sessions" className="whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
                {tSessions('navLink')}
              </Link>
            )}
            <Link href={TWO_FACTOR_PAGE} className="whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
              {tTwoFactor('title')}
            </Link>
            {held || user.rightsPending ? null : <NotificationBell userId={user.id} />}
            <LanguageSwitch action={setLocale} />
            <SignOutButton label={t('signOut')} />
          </>
        }
        nav={
          nav.length
            ? nav.map((item) => (
                <NavLink key={item.href} href={item.href} exact={item.exact}>
                  {tNav(item.key)}
                </NavLink>
              ))
            : null
        }
      />
      <SignInNotice userId={user.id} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
