import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { liveApplicationsIn, openProgrammesFor, type OpenProgramme, type ProgrammeApplicant } from '@/db/queries/subsidies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { Badge } from '@/components/ui/badge';
import { documentLabel } from '../_ui/documents';
import { ApplicationTabs } from '../_ui/tabs';

export async function generateMetadata() {
  return { title: (await getTranslations('applications.programmes'))('title') };
}

const applicantKey = (carrierId: number, ventureId: number | null) => `${carrierId}:${ventureId ?? ''}`;

function applyHref(p: OpenProgramme, a: ProgrammeApplicant): string {
  const q = new URLSearchParams({ programme: String(p.id), carrier: String(a.carrierId) });
  if (a.ventureId) q.set('venture', String(a.ventureId));
  return `/operator/applications/new?${q.toString()}`;
}

/**
 * The programmes open today, each with the operator's carriers (or their ventures) and whether
 * each may apply; an applicant who has applied already is shown with that application.
 */
export default async function OpenProgrammesPage() {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const db = getDb();
  const today = todayInShanghai();
  const open = await openProgrammesFor(db, scope, today);
  const [live, t, tApp, tDocs, tErrors, locale] = await Promise.all([
    liveApplicationsIn(
      db,
      scope,
      open.map((p) => p.id),
    ),
    getTranslations('applications.programmes'),
    getTranslations('applications'),
    getTranslations('documentTypes'),
    getTranslations(),
    getLocale(),
  ]);
  const applied = new Map(live.map((a) => [`${a.programId}/${applicantKey(a.carrierId, a.ventureId)}`, a]));

  return (
    <>
      <PageHeader title={tApp('title')} subtitle={t('subtitle')} />
      <ApplicationTabs current="open" />
      {open.length === 0 ? (
        <Card>
          <EmptyState>{t('empty')}</EmptyState>
        </Card>
      ) : (
        <div className="space-y-5">
          {open.map((p) => {
            const name = locale === 'en' ? p.nameEn : p.nameZh;
            const eligible = p.applicants.filter((a) => !a.ineligible);
            const headingId = `programme-${p.id}`;
            return (
              <section key={p.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 id={headingId} className="text-base font-semibold text-slate-900">
                      {name}
                    </h2>
                    <p className="mt-0.5 font-mono text-xs text-slate-600">{p.code}</p>
                  </div>
                  <div className="flex flex-wrap gap-1.5">
                    <Badge tone="brand">{tApp(`fundingMode.${p.fundingMode}`)}</Badge>
                    <Badge>{tApp(`applicantType.${p.applicantType}`)}</Badge>
                  </div>
                </div>
                {p.description ? <p className="mt-2 text-sm text-slate-700">{p.description}</p> : null}
                <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-slate-600">{t('cap')}</dt>
                    <dd className="font-medium tabular-nums text-slate-900">{t('wan', { amount: moneyFigure(locale, p.capFen) })}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t('dates')}</dt>
                    <dd className="font-medium text-slate-900">
                      {formatDate(p.opensOn)} – {formatDate(p.closesOn)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">{t('fundingMode')}</dt>
                    <dd className="text-slate-900">{t(`fundingModeHint.${p.fundingMode}`)}</dd>
                  </div>
                  <div className="sm:col-span-3">
                    <dt className="text-slate-600">{t('requiredDocuments')}</dt>
                    <dd className="text-slate-900">
                      {p.requiredDocuments.length ? p.requiredDocuments.map((d) => documentLabel(tDocs, d)).join(t('listSeparator')) : t('noDocuments')}
                    </dd>
                  </div>
                </dl>
                <details className="mt-4 rounded-md border border-slate-200" open={p.applicants.length <= 6}>
                  <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
                    {t('applicants', { eligible: eligible.length, total: p.applicants.length })}
                  </summary>
                  {p.applicants.length === 0 ? (
                    <p className="px-3 pb-3 text-sm text-slate-600">{t('noApplicants')}</p>
                  ) : (
                    <ul className="divide-y divide-slate-100 border-t border-slate-200">
                      {[...eligible, ...p.applicants.filter((a) => a.ineligible)].map((a) => {
                        const existing = applied.get(`${p.id}/${applicantKey(a.carrierId, a.ventureId)}`);
                        return (
                          <li key={applicantKey(a.carrierId, a.ventureId)} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                            <span>
                              <span className="font-medium text-slate-900">{a.ventureName ?? a.carrierName}</span>
                              {a.ventureName ? <span className="ml-2 text-xs text-slate-600">{a.carrierName}</span> : null}
                            </span>
                            {a.ineligible ? (
                              <span className="text-slate-700">
                                <span className="sr-only">{t('ineligible')}: </span>
                                {tErrors(a.ineligible.key, a.ineligible.params)}
                              </span>
                            ) : existing ? (
                              <span className="text-slate-700">
                                {t('appliedAlready')}{' '}
                                <Link href={`/operator/applications/${existing.id}`} className="font-mono text-brand-700 underline">
                                  {existing.refNo}
                                </Link>
                              </span>
                            ) : (
                              <Link
                                href={applyHref(p, a)}
                                className="rounded-md border border-brand-600 px-3 py-1 font-medium text-brand-700 hover:bg-brand-50"
                                aria-label={t('applyFor', { applicant: a.ventureName ?? a.carrierName, programme: name })}
                              >
                                {t('apply')}
                              </Link>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </details>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
