import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { listNotifications, type NotificationRow } from '@/db/queries/accounts';
import { requireUser } from '@/lib/server/authz';
import { APPLICATION_STATUSES } from '@/lib/domain/workflow';
import { formatDate } from '@/lib/format';
import { DEFAULT_PAGE_SIZE, parsePaging } from '@/lib/paging';
import type { Role } from '@/lib/roles';
import { MarkAllRead, MarkRead } from './mark-all-read';
import { one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('notificationCentre'))('title') };
}

/** Where a notification about an application leads this user: their own area's application page. */
function linkFor(role: Role, link: string | null): string | null {
  if (!link || !link.startsWith('/')) return null;
  const application = /^\/(?:operator|committee)\/applications\/(\d+)$/.exec(link);
  if (!application) return link;
  if (role === 'operator') return `/operator/applications/${application[1]}`;
  if (role === 'committee') return `/committee/applications/${application[1]}`;
  return null;
}

function timeOf(d: Date): string {
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

/**
 * The signed-in user's notifications, newest first, a page at a time. Opening the page (a GET)
 * changes nothing: a notification stays new until the user marks it read, one at a time or
 * all at once (server actions, each audited). docs/request-hygiene.md
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const { page, pageSize } = parsePaging({ page: one(params.page), size: one(params.size) });
  const db = getDb();
  const [{ rows, total }, t, tHygiene, tRoot] = await Promise.all([
    listNotifications(db, user.id, { page, pageSize }),
    getTranslations('notificationCentre'),
    getTranslations('hygiene'),
    getTranslations(),
  ]);
  const anyUnread = rows.some((r) => r.readAt === null);

  const text = (n: NotificationRow) => {
    const params = { ...n.params };
    const status = params.status;
    if (typeof status === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(status))
      params.status = tRoot(`glossary.applicationStatus.${status}`);
    return tRoot.has(n.kind) ? tRoot(n.kind, params) : n.kind;
  };
  const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : String(pageSize);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={anyUnread || total ? <MarkAllRead /> : undefined} />
      <Card>
        {rows.length === 0 ? (
          <EmptyState>
            {total > 0 ? (
              <Link href="/notifications" className="text-brand-700 underline">
                {t('pageOutOfRange')}
              </Link>
            ) : (
              t('empty')
            )}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t('listLabel')}>
            {rows.map((n) => {
              const href = linkFor(user.role, n.link);
              const isNew = n.readAt === null;
              return (
                <li key={n.id} className={`flex flex-wrap items-start justify-between gap-3 px-2 py-3 ${isNew ? 'bg-brand-50/60' : ''}`}>
                  <div className="min-w-0">
                    <p className="text-sm text-slate-900">
                      {isNew ? <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('new')}</span> : null}
                      {href ? (
                        <Link href={href} className="text-brand-700 underline-offset-2 hover:underline">
                          {text(n)}
                        </Link>
                      ) : (
                        text(n)
                      )}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <time dateTime={n.createdAt.toISOString()} className="whitespace-nowrap text-xs text-slate-600">
                      {formatDate(n.createdAt)} {timeOf(n.createdAt)}
                    </time>
                    {isNew ? <MarkRead notificationId={n.id} label={tHygiene('markReadOf', { text: text(n) })} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination basePath="/notifications" params={{ size }} page={page} pageSize={pageSize} total={total} />
      </Card>
    </>
  );
}
