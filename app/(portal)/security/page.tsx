import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { listPendingGrants, listThrottledKeys } from '@/db/queries/accounts';
import { requireRole } from '@/lib/server/authz';
import { formatAt } from '@/lib/server/audit-view/labels';
import { GrantDecision, ReleaseThrottle } from './decisions';

export async function generateMetadata() {
  return { title: (await getTranslations('securityAdmin'))('title') };
}

/**
 * The security administrator's area: the grants of rights awaiting approval, and the sign-ins
 * that are locked or slowed.
 */
export default async function SecurityHome() {
  const me = await requireRole('security');
  const db = getDb();
  const [grants, throttled, t, tRoles] = await Promise.all([
    listPendingGrants(db),
    listThrottledKeys(db, new Date()),
    getTranslations('securityAdmin'),
    getTranslations('roles'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card title={t('grants.title')}>
          {grants.length === 0 ? (
            <EmptyState>{t('grants.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('grants.caption')}
              rows={grants}
              rowKey={(g) => g.id}
              columns={[
                {
                  key: 'account',
                  header: t('grants.account'),
                  cell: (g) => (
                    <span>
                      <span className="font-medium">{g.userName}</span>
                      <span className="block text-xs text-slate-600">{g.userEmail}</span>
                    </span>
                  ),
                },
                {
                  key: 'what',
                  header: t('grants.what'),
                  cell: (g) => (
                    <span>
                      {g.kind === 'reactivation'
                        ? t('grants.kind.reactivation', { role: tRoles(g.role) })
                        : g.previousRole
                          ? t('grants.kind.role', { role: tRoles(g.role) })
                          : t('grants.kind.newAccount', { role: tRoles(g.role) })}
                      {g.kind === 'role' && g.previousRole ? (
                        <span className="block text-xs text-slate-600">{t('grants.fromRole', { role: tRoles(g.previousRole) })}</span>
                      ) : null}
                    </span>
                  ),
                },
                { key: 'by', header: t('grants.requestedBy'), cell: (g) => g.requestedByName },
                { key: 'at', header: t('grants.requestedAt'), cell: (g) => formatAt(g.requestedAt) },
                {
                  key: 'decision',
                  header: t('grants.decision'),
                  cell: (g) =>
                    g.requestedById === me.id || g.userId === me.id ? (
                      <span className="text-sm text-slate-600">—</span>
                    ) : (
                      <GrantDecision grantId={g.id} name={g.userName} />
                    ),
                },
              ]}
            />
          )}
        </Card>
        <Card title={t('throttle.title')}>
          {throttled.length === 0 ? (
            <EmptyState>{t('throttle.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('throttle.caption')}
              rows={throttled}
              rowKey={(r) => r.key}
              columns={[
                { key: 'kind', header: t('throttle.kindHeader'), cell: (r) => t(`throttle.kind.${r.kind}`) },
                { key: 'subject', header: t('throttle.subject'), cell: (r) => <span className="break-all">{r.subject}</span> },
                { key: 'failures', header: t('throttle.failures'), cell: (r) => r.failures },
                { key: 'since', header: t('throttle.windowStartedAt'), cell: (r) => formatAt(r.windowStartedAt) },
                {
                  key: 'state',
                  header: t('throttle.state'),
                  cell: (r) =>
                    r.locked && r.lockedUntil ? (
                      <Badge tone="bad">{t('throttle.locked', { until: formatAt(r.lockedUntil) })}</Badge>
                    ) : (
                      <Badge tone="warn">{t('throttle.slowed')}</Badge>
                    ),
                },
                { key: 'release', header: t('throttle.release'), cell: (r) => <ReleaseThrottle throttleKey={r.key} subject={r.subject} /> },
              ]}
            />
          )}
        </Card>
      </div>
    </>
  );
}
