import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import type { ApplicationDetail } from '@/db/queries/subsidies';
import { formatDate } from '@/lib/format';

function timeOf(d: Date): string {
  return d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
}

/** The application's history as the applicant may see it, oldest first, with the comments meant for them. */
export async function Timeline({ events }: { events: ApplicationDetail['timeline'] }) {
  const [t, tStatus, tRoles] = await Promise.all([
    getTranslations('applications.timeline'),
    getTranslations('glossary.applicationStatus'),
    getTranslations('roles'),
  ]);
  // Committee staff act for the committee: the applicant reads their role, not their name (lib/audit-audience.ts).
  const actorOf = (e: ApplicationDetail['timeline'][number]) => e.actorName ?? (e.actorRole && e.actorRole !== 'operator' ? tRoles(e.actorRole) : null);
  return (
    <Card title={t('title')}>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-4">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <span aria-hidden="true" className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
              <p className="font-medium text-slate-900">
                {e.fromStatus === null
                  ? t('created')
                  : e.fromStatus === e.toStatus
                    ? t('same', { status: tStatus(e.toStatus) })
                    : t('moved', { from: tStatus(e.fromStatus), to: tStatus(e.toStatus) })}
              </p>
              <p className="text-xs text-slate-600">
                <time dateTime={e.at.toISOString()}>
                  {formatDate(e.at)} {timeOf(e.at)}
                </time>
                {actorOf(e) ? ` · ${actorOf(e)}` : ''}
              </p>
              {e.comment ? <p className="mt-1 whitespace-pre-line rounded bg-slate-50 px-2 py-1 text-slate-800">{e.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
