import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { entityHistory } from '@/db/queries/oversight';
import type { AuthUser } from '@/db/queries/accounts';
import { hrefWith } from '@/lib/search-params';
import { AuditTable } from './audit-table';
import { AUDIT_PAGE } from '@/lib/server/audit-view/labels';
import { auditScopeOf } from '@/lib/server/audit-view/scope';

export const HISTORY_SIZE = 20;

/** A record's own audit entries, newest first (the first 20), with a link to all of them in the viewer. */
export async function EntityHistory({ user, entity, entityId }: { user: AuthUser; entity: string; entityId: number | string }) {
  const [{ rows, total }, t] = await Promise.all([entityHistory(getDb(), await auditScopeOf(user), entity, entityId, HISTORY_SIZE), getTranslations('audit')]);
  const viewer = AUDIT_PAGE[user.role];
  const all = viewer ? hrefWith(viewer, { entity, entityId: String(entityId) }) : null;
  return (
    <Card title={t('history.title')} className="mt-6">
      {rows.length === 0 ? (
        <EmptyState>{t('history.empty')}</EmptyState>
      ) : (
        <>
          <AuditTable rows={rows} role={user.role} caption={t('history.title')} ofOneRecord />
          {all ? (
            <p className="mt-3 text-sm">
              <Link href={all} className="text-brand-700 underline">
                {total > rows.length ? t('history.more', { shown: rows.length, total }) : t('history.all')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
