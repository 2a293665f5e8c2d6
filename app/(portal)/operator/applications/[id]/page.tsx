import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { measureWriters } from '@/lib/server/measure';
import { pathId } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getApplication } from '@/db/queries/subsidies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { EntityHistory } from '@/components/audit/entity-history';
import { todayInShanghai } from '@/lib/domain/dates';
import { inspectionAhead } from '@/lib/domain/workflow';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { DetailItem as Item } from '@/components/ui/detail-item';
import { orNotFound } from '@/lib/server/not-found';
import { documentLabel } from '../_ui/documents';
import { applicantActs, nextStepKey, StatusBadge } from '../_ui/status';
import { ApplicationSteps } from './application-steps';
import { AttachmentsSection } from './attachments-section';
import { Timeline } from './timeline';
import type { Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('applications.detail'))('title') };
}

/**
 * One application of the operator's carriers: what it asks for, where it stands, what is
 * expected of the applicant next, and only the steps the workflow allows this user now.
 */
export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const applicationId = pathId((await params).id);
  if (applicationId === undefined) notFound();
  const search = await searchParams;
  const today = todayInShanghai();
  const a = await orNotFound(getApplication(getDb(), { userId: user.id, role: user.role, ip: null }, scope, applicationId, today));
  const [t, tApp, tStatus, tNext, tDocs, locale] = await Promise.all([
    getTranslations('applications.detail'),
    getTranslations('applications'),
    getTranslations('glossary.applicationStatus'),
    getTranslations('applications.next'),
    getTranslations('documentTypes'),
    getLocale(),
  ]);
  const allowed = new Set(a.steps.allowed);
  const programme = locale === 'en' ? a.programNameEn : a.programNameZh;
  const lastComment = [...a.timeline].reverse().find((e) => e.toStatus === a.status && e.comment)?.comment ?? null;
  const notice = search.created ? t('created') : search.saved ? t('saved') : null;
  const { unitLabel } = await measureWriters(locale);
  const wan = (fen: number | null) => (fen === null ? '—' : t('wan', { amount: moneyFigure(locale, fen) }));

  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm">
        <Link href="/operator/applications" className="text-brand-700 hover:underline">
          {t('back')}
        </Link>
      </nav>
      <PageHeader title={t('heading', { refNo: a.refNo })} subtitle={programme} actions={<StatusBadge status={a.status} label={tStatus(a.status)} />} />
      {notice ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}

      <section
        aria-labelledby="next-step"
        className={`mb-5 rounded-lg border px-5 py-4 ${applicantActs(a.status) ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
      >
        <h2 id="next-step" className="text-sm font-semibold text-slate-900">
          {t('nextStep')}
        </h2>
        <p className="mt-1 text-sm text-slate-800">{tNext(nextStepKey(a.status, a.fundingMode))}</p>
        {a.status === 'returned' && lastComment ? (
          <p className="mt-2 text-sm text-slate-800">
            <span className="font-medium">{t('returnComment')}</span> {lastComment}
          </p>
        ) : null}
        {a.status === 'rejected' && a.decisionReason ? (
          <p className="mt-2 text-sm text-slate-800">
            <span className="font-medium">{t('rejectReason')}</span> {a.decisionReason}
          </p>
        ) : null}
        {a.inspectionDueOn && inspectionAhead(a) ? (
          <p className="mt-2 text-sm text-slate-800">{t('inspectionDue', { date: formatDate(a.inspectionDueOn) })}</p>
        ) : null}
        <ApplicationSteps
          applicationId={a.id}
          version={a.version}
          refNo={a.refNo}
          // A draft the committee has never seen is deleted, not withdrawn: it offers 删除草稿 alone.
          allowed={{
            edit: allowed.has('edit'),
            submit: allowed.has('submit'),
            withdraw: allowed.has('withdraw') && a.status !== 'draft',
            delete: allowed.has('delete'),
          }}
          blacklisted={a.blacklisted}
        />
      </section>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card title={t('details')}>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <Item label={t('programme')}>
                {programme} <span className="font-mono text-xs font-normal text-slate-600">{a.programCode}</span>
              </Item>
              <Item label={t('fundingMode')}>{tApp(`fundingMode.${a.fundingMode}`)}</Item>
              <Item label={a.ventureName ? t('venture') : t('carrier')}>{a.ventureName ?? a.carrierName}</Item>
              {a.ventureName ? <Item label={t('carrier')}>{a.carrierName}</Item> : null}
              <Item label={t('submittedAt')}>{formatDate(a.submittedAt)}</Item>
              <Item label={t('updatedAt')}>{formatDate(a.updatedAt)}</Item>
            </dl>
            <div className="mt-4 text-sm">
              <h3 className="text-slate-600">{t('purpose')}</h3>
              <p className="mt-0.5 whitespace-pre-line text-slate-900">{a.purpose}</p>
            </div>
          </Card>

          <Card title={t('indicators')}>
            {a.indicators.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noIndicators')}</p>
            ) : (
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('indicatorsCaption')}>
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="sr-only">{t('indicatorsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                        {t('indicatorName')}
                      </th>
                      <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                        {t('indicatorUnit')}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium text-slate-700">
                        {t('indicatorTarget')}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right font-medium text-slate-700">
                        {t('indicatorActual')}
                      </th>
                      <th scope="col" className="px-3 py-2 text-left font-medium text-slate-700">
                        {t('indicatorPassed')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {a.indicators.map((i) => (
                      <tr key={i.id}>
                        <td className="px-3 py-2">{i.name}</td>
                        <td className="px-3 py-2">{unitLabel(i.unit)}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{i.targetValue}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{i.actualValue ?? '—'}</td>
                        <td className="px-3 py-2">{i.passed === null ? '—' : i.passed ? t('passed') : t('failed')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <AttachmentsSection
            applicationId={a.id}
            version={a.version}
            editable={allowed.has('edit')}
            required={a.requiredDocuments.map((key) => ({ key, label: documentLabel(tDocs, key) }))}
            files={a.attachments.map((f) => ({
              id: f.id,
              fileName: f.fileName,
              sizeBytes: f.sizeBytes,
              documentType: f.documentType,
              documentLabel: f.documentType ? documentLabel(tDocs, f.documentType) : null,
              uploadedOn: formatDate(f.createdAt),
            }))}
          />
        </div>

        <div className="space-y-5">
          <Card title={t('amounts')}>
            <dl className="space-y-3 text-sm">
              <Item label={t('requested')}>{wan(a.requestedFen)}</Item>
              <Item label={t('approved')}>{wan(a.approvedFen)}</Item>
              {a.fundingMode === 'post_subsidy' || a.finalFen !== null ? <Item label={t('final')}>{wan(a.finalFen)}</Item> : null}
              <Item label={t('paid')}>{wan(a.paidFen)}</Item>
              <Item label={t('cap')}>{wan(a.capFen)}</Item>
            </dl>
            {a.disbursements.length ? (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('payments')}</h3>
                <ul className="mt-1 space-y-1 text-sm text-slate-800">
                  {a.disbursements.map((d) => (
                    <li key={d.id}>{t('payment', { date: formatDate(d.paidOn), amount: moneyFigure(locale, d.amountFen), voucher: d.voucherNo })}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
          <Timeline events={a.timeline} />
        </div>
      </div>
      <EntityHistory user={user} entity="application" entityId={a.id} />
    </>
  );
}
