import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { listActiveSessions, type ActiveSession, getSecurityPolicy } from '@/db/queries/accounts';
import { requireUser } from '@/lib/server/authz';
import { describeUserAgent } from '@/lib/user-agent';
import { EndOtherSessions, EndSession } from './session-controls';

export async function generateMetadata() {
  return { title: (await getTranslations('sessions'))('title') };
}

/** Shanghai time, as YYYY-MM-DD HH:mm in every language. */
const formatAt = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(
    d,
  );

/** The user's own active sessions, each of which they can end; the one in use is marked. */
export default async function SessionsPage() {
  const user = await requireUser();
  const db = getDb();
  const [t, sessions, policy] = await Promise.all([getTranslations('sessions'), listActiveSessions(db, user.id), getSecurityPolicy(db)]);
  const device = (s: ActiveSession) => {
    const { browser, system } = describeUserAgent(s.userAgent);
    if (!browser && !system) return t('unknownDevice');
    const b = browser ? t(`browser.${browser}`) : t('unknownBrowser');
    return system ? t('deviceOn', { browser: b, system: t(`system.${system}`) }) : b;
  };
  const others = sessions.filter((s) => s.id !== user.sessionId).length;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <p className="mb-4 text-sm text-slate-700">{t('limits', { idle: policy.sessionIdleMinutes, hours: policy.sessionMaxHours })}</p>
      <Card>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('empty')}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('tableLabel')}>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t('tableLabel')}</caption>
              <thead>
                <tr>
                  {(['device', 'address', 'started', 'lastUsed', 'endsAt', 'actions'] as const).map((k) => (
                    <th key={k} scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                      {t(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {sessions.map((s) => {
                  const current = s.id === user.sessionId;
                  return (
                    <tr key={s.id} aria-current={current ? 'true' : undefined} className={current ? 'bg-brand-50/60' : undefined}>
                      <th scope="row" className="px-3 py-2 text-left font-normal text-slate-900">
                        {device(s)}
                        {current ? <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">{t('thisSession')}</span> : null}
                      </th>
                      <td className="px-3 py-2 text-slate-900">{s.ip ?? t('unknownAddress')}</td>
                      <td className="px-3 py-2 text-slate-900">{formatAt(s.startedAt)}</td>
                      <td className="px-3 py-2 text-slate-900">{formatAt(s.lastSeenAt)}</td>
                      <td className="px-3 py-2 text-slate-900">{formatAt(s.endsAt)}</td>
                      <td className="px-3 py-2">
                        <EndSession sessionId={s.id} current={current} label={t('endLabel', { device: device(s), started: formatAt(s.startedAt) })} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4 border-t border-slate-100 pt-4">
          {others > 0 ? <EndOtherSessions /> : <p className="text-sm text-slate-700">{t('noOthers')}</p>}
        </div>
      </Card>
    </>
  );
}
