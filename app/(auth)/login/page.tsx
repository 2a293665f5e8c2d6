import { getTranslations } from 'next-intl/server';
import Image from 'next/image';
import { redirect } from 'next/navigation';
import { setLocale } from '@/app/actions/locale';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { getDb } from '@/db/client';
import { listDemoAccounts } from '@/db/queries/accounts';
import { currentUser } from '@/lib/server/authz';
import { env } from '@/lib/env';
import { safeReturnPath } from '@/lib/return-path';
import { DEMO_TOTP_SECRET } from '@/lib/totp';
import { LoginForm } from './login-form';

export async function generateMetadata() {
  return { title: (await getTranslations('login'))('title') };
}

const DEMO_PASSWORD = 'demo1234demo';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const next = safeReturnPath(callbackUrl, env.siteOrigin) ?? '';
  if (await currentUser()) redirect(next ? `/?next=${encodeURIComponent(next)}` : '/');
  const demo = env.databaseMode === 'embedded' && env.demoSeed ? await listDemoAccounts(getDb()) : [];
  const [t, tSignIn, tCommon, tRoles, tCode] = await Promise.all([
    getTranslations('login'),
    getTranslations('signIn'),
    getTranslations('common'),
    getTranslations('roles'),
    getTranslations('twoFactor.login'),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-sm text-slate-600">{tCommon('committee')}</span>
        <LanguageSwitch action={setLocale} />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-10 pb-16">
        <div className="w-full max-w-md">
          <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
            <Image src="/logo.svg" alt={tCommon('logoAlt')} width={48} height={48} className="mb-4 h-12 w-12" priority />
            <h1 className="text-2xl font-semibold text-brand-800">{tCommon('appName')}</h1>
            <p className="mt-1 mb-6 text-sm text-slate-600">{t('subtitle')}</p>
            <LoginForm
              next={next}
              demoAccounts={demo.map((a) => ({ email: a.email, label: `${a.name} · ${tRoles(a.role)}` }))}
              demoPassword={demo.length ? DEMO_PASSWORD : undefined}
              labels={{
                title: t('title'),
                email: t('email'),
                password: t('password'),
                submit: t('submit'),
                submitting: t('submitting'),
                invalid: t('invalid'),
                invalidEmail: t('invalidEmail'),
                required: t('required'),
                unexpected: t('unexpected'),
                throttled: t('throttled'),
                slowed: tSignIn('slowed'),
                demoTitle: t('demoTitle'),
                demoHint: t('demoHint', { password: DEMO_PASSWORD }),
                demoSecret: demo.length ? tCode('demoSecret', { secret: DEMO_TOTP_SECRET }) : undefined,
                code: tCode('code'),
                codeHint: tCode('codeHint'),
                codeStepTitle: tCode('stepTitle'),
                // Filled in by the form with the email typed.
                codeStepText: tCode('stepText', { email: '{email}' }),
                codeRequired: tCode('codeRequired'),
                codeInvalid: tCode('codeInvalid'),
                codeThrottled: tCode('codeThrottled'),
                back: tCode('back'),
              }}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
