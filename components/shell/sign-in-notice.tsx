import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { signInNotice } from '@/db/queries/accounts';

function shanghaiDateTime(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/**
 * When the user last signed in before this sign-in, and how many failed attempts there were on
 * the account in between: a user who did not make them learns that someone tried.
 */
export async function SignInNotice({ userId }: { userId: number }) {
  const [row, t] = await Promise.all([signInNotice(getDb(), userId), getTranslations('signIn.notice')]);
  if (!row) return null;
  const warn = row.failures > 0;
  return (
    <section
      aria-label={t('label')}
      className={`border-b text-sm ${warn ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-slate-100 bg-white text-slate-600'}`}
    >
      <p className="mx-auto max-w-7xl px-4 py-1.5">
        {row.previousSignInAt ? t('previous', { time: shanghaiDateTime(row.previousSignInAt) }) : t('first')}{' '}
        {row.previousSignInAt || warn ? <span className={warn ? 'font-medium' : undefined}>{t('failures', { count: row.failures })}</span> : null}
        {warn ? <> {t('failuresHint')}</> : null}
      </p>
    </section>
  );
}
