import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { measureWriters } from '@/lib/server/measure';
import { pathId } from '@/lib/search-params';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getApplication, type ApplicationDetail, internalEventIds, getProgramme } from '@/db/queries/subsidies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { EntityHistory } from '@/components/audit/entity-history';
import { todayInShanghai } from '@/lib/domain/dates';
import { COMMITTEE_ACTIONS, inspectionAhead, payableFen, paymentOutlook, type WorkflowAction } from '@/lib/domain/workflow';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { Badge, statusTone } from '@/components/ui/badges';
import { localName, sizeText } from '@/lib/display-format';
import { StepForms, type CommitteeStep } from './step-forms';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('review.queue'))('title') };
}

/** The date and time of an event in Shanghai, as YYYY-MM-DD HH:mm. */
function stamp(d: Date): string {
  const s = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return s.replace(',', '');
}

function Detail({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Refusals worth explaining: a step the user could take in this state but may not (分权制衡, blacklist, already done). */
function explainedRefusals(app: ApplicationDetail): { step: WorkflowAction; reason: string }[] {
  const out: { step: WorkflowAction; reason: string }[] = [];
  for (const step of COMMITTEE_ACTIONS) {
    const r = app.steps.refused[step];
    if (!r || r.reason === 'workflow.wrongStatus') continue;
    // Approving and rejecting are one decision; say it once when both are refused for the same reason.
    if (step === 'reject' && app.steps.refused.approve?.reason === r.reason) continue;
    out.push({ step, reason: r.reason });
  }
  return out;
}

export default async function CommitteeApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('committee');
  const scope = await scopeFor(user);
  const id = pathId((await params).id);
  if (id === undefined) notFound();
  const db = getDb();
  const today = todayInShanghai();
  const app = await orNotFound(getApplication(db, { userId: user.id, role: user.role, ip: null }, scope, id, today));
  const [programme, internal, t, tr, ts, tw, tStatus, locale] = await Promise.all([
    getProgramme(db, app.programId),
    internalEventIds(db, app.id),
    getTranslations('review.app'),
    getTranslations('review'),
    getTranslations('review.steps'),
    getTranslations(),
    getTranslations('glossary.applicationStatus'),
    getLocale(),
  ]);
  const payable = payableFen(app);
  const outlook = paymentOutlook(app);
  const docName = (d: string) => (tw.has(`documentTypes.${d}`) ? tw(`documentTypes.${d}`) : d);
  const allowed = app.steps.allowed.filter((s): s is CommitteeStep => (COMMITTEE_ACTIONS as readonly string[]).includes(s));
  const refusals = explainedRefusals(app);
  const stepLabel = (s: WorkflowAction) => (s === 'approve' || s === 'reject' ? ts('decide') : ts(s as 'accept'));
  const { unitLabel } = await measureWriters(locale);
  const wan = (fen: number | null) => (fen === null ? '—' : tr('wan', { amount: moneyFigure(locale, fen) }));
  const programmeName = locale === 'en' ? app.programNameEn : app.programNameZh;

  return (
    <>
      <PageHeader
        back={{ href: '/committee/applications', label: t('back') }}
        title={t('title', { refNo: app.refNo })}
        subtitle={`${app.programCode} ${programmeName} · ${app.year}`}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Badge tone={statusTone(app.status)}>{tStatus(app.status)}</Badge>
        <Badge tone={app.fundingMode === 'post_subsidy' ? 'brand' : 'neutral'}>{tr(`modes.${app.fundingMode}`)}</Badge>
      </div>
      {app.blacklisted ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {t('blacklisted')}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t('summary')}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <Detail label={t('carrier')}>{localName(locale, { name: app.carrierName, nameEn: app.carrierNameEn })}</Detail>
              <Detail label={t('venture')}>{app.ventureName ?? t('none')}</Detail>
              <Detail label={t('programme')}>
                {app.programCode} {programmeName} ({tr(`categories.${programme.category}`)})
              </Detail>
              <Detail label={t('mode')}>{tr(`modes.${app.fundingMode}`)}</Detail>
              <Detail label={t('status')}>{tStatus(app.status)}</Detail>
              {app.inspectionDueOn && inspectionAhead(app) ? <Detail label={t('inspectionDue')}>{formatDate(app.inspectionDueOn)}</Detail> : null}
              <Detail label={t('purpose')} wide>
                <span className="whitespace-pre-line">{app.purpose}</span>
              </Detail>
              {app.decisionReason ? (
                <Detail label={t('decisionReason')} wide>
                  <span className="whitespace-pre-line">{app.decisionReason}</span>
                </Detail>
              ) : null}
            </dl>
          </Card>

          <Card title={t('amounts')}>
            <dl className="grid grid-cols-2 gap-4 md:grid-cols-3" aria-label={t('amounts')}>
              <Detail label={t('requested')}>{wan(app.requestedFen)}</Detail>
              <Detail label={t('cap')}>{wan(app.capFen)}</Detail>
              <Detail label={t('approved')}>{wan(app.approvedFen)}</Detail>
              <Detail label={t('final')}>{wan(app.finalFen)}</Detail>
              <Detail label={t('paid')}>{wan(app.paidFen)}</Detail>
              {outlook.when === 'afterInspection' ? (
                <Detail label={t('payableAfterInspection')}>{wan(outlook.fen)}</Detail>
              ) : (
                <Detail label={t('payable')}>{outlook.when === 'now' ? wan(outlook.fen) : '—'}</Detail>
              )}
            </dl>
          </Card>

          <Card title={t('indicators')}>
            {app.indicators.length === 0 ? (
              <EmptyState>{t('noIndicators')}</EmptyState>
            ) : (
              <DataTable
                caption={t('indicators')}
                rows={app.indicators}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'name', header: t('indicatorName'), cell: (r) => (unitLabel(r.unit) ? `${r.name} (${unitLabel(r.unit)})` : r.name) },
                  { key: 'target', header: t('target'), numeric: true, cell: (r) => r.targetValue },
                  { key: 'actual', header: t('actual'), numeric: true, cell: (r) => r.actualValue ?? '—' },
                  { key: 'passed', header: t('passed'), cell: (r) => (r.passed === null ? '—' : r.passed ? tr('yes') : tr('no')) },
                ]}
              />
            )}
          </Card>

          <Card title={t('attachments')}>
            {programme.requiredDocuments.length ? (
              <p className="mb-3 text-sm text-slate-600">{t('requiredDocs', { documents: programme.requiredDocuments.map(docName).join('、') })}</p>
            ) : null}
            {app.attachments.length === 0 ? (
              <EmptyState>{t('noAttachments')}</EmptyState>
            ) : (
              <DataTable
                caption={t('attachments')}
                rows={app.attachments}
                rowKey={(r) => r.id}
                columns={[
                  {
                    key: 'file',
                    header: t('fileName'),
                    cell: (r) => (
                      <a
                        href={`/api/applications/attachments/${r.id}`}
                        className="text-brand-700 hover:underline"
                        aria-label={t('download', { name: r.fileName })}
                      >
                        {r.fileName}
                      </a>
                    ),
                  },
                  { key: 'type', header: t('documentType'), cell: (r) => (r.documentType ? docName(r.documentType) : '—') },
                  { key: 'size', header: t('size'), numeric: true, cell: (r) => sizeText(r.sizeBytes) },
                  { key: 'at', header: t('uploadedAt'), cell: (r) => formatDate(r.createdAt) },
                ]}
              />
            )}
          </Card>

          <Card title={t('reviews')}>
            {app.reviews.length === 0 ? (
              <EmptyState>{t('noReviews')}</EmptyState>
            ) : (
              <DataTable
                caption={t('reviews')}
                rows={app.reviews}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'reviewer', header: t('reviewer'), cell: (r) => r.reviewerName },
                  { key: 'score', header: t('score'), numeric: true, cell: (r) => r.score },
                  { key: 'rec', header: t('recommendation'), cell: (r) => tr(`recommendations.${r.recommendation as 'fund'}`) },
                  {
                    key: 'amount',
                    header: t('recommended'),
                    numeric: true,
                    cell: (r) => (r.recommendedFen === null ? '—' : moneyFigure(locale, r.recommendedFen)),
                  },
                  { key: 'comment', header: t('comment'), cell: (r) => <span className="whitespace-pre-line">{r.comment ?? '—'}</span> },
                ]}
              />
            )}
          </Card>

          <Card title={t('payments')}>
            {app.disbursements.length === 0 ? (
              <EmptyState>{t('noPayments')}</EmptyState>
            ) : (
              <DataTable
                caption={t('payments')}
                rows={app.disbursements}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'on', header: t('paidOn'), cell: (r) => formatDate(r.paidOn) },
                  { key: 'voucher', header: t('voucherNo'), cell: (r) => <span className="font-mono">{r.voucherNo}</span> },
                  { key: 'amount', header: t('amount'), numeric: true, cell: (r) => moneyFigure(locale, r.amountFen) },
                ]}
              />
            )}
          </Card>

          <Card title={t('timeline')}>
            <ol className="space-y-3" aria-label={t('timeline')}>
              {app.timeline.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium text-slate-900">
                      {e.fromStatus ? `${tStatus(e.fromStatus)} → ` : ''}
                      {tStatus(e.toStatus)}
                    </span>
                    <span className="text-slate-600">
                      {stamp(e.at)} · {e.actorName ?? t('system')}
                    </span>
                    {internal.has(e.id) ? (
                      <Badge tone="warn">
                        <span title={t('internalHint')}>{t('internal')}</span>
                      </Badge>
                    ) : null}
                  </div>
                  {e.comment ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{e.comment}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="space-y-6">
          <Card title={t('steps')}>
            {/* Kept mounted when no step is left, so that the last step's outcome stays on screen. */}
            <StepForms
              allowed={allowed}
              emptyText={t('noSteps')}
              ctx={{
                applicationId: app.id,
                version: app.version,
                fundingMode: app.fundingMode,
                requestedFen: app.requestedFen,
                capFen: app.capFen,
                approvedFen: app.approvedFen,
                payableFen: payable,
                today,
                indicators: app.indicators.map((i) => ({ id: i.id, name: i.name, unit: unitLabel(i.unit), targetValue: i.targetValue })),
              }}
            />
            {refusals.length ? (
              <section aria-labelledby="refusals-title" className="mt-4">
                <h3 id="refusals-title" className="text-sm font-semibold text-slate-900">
                  {t('refusedTitle')}
                </h3>
                <ul className="mt-2 space-y-1 text-sm text-slate-700">
                  {refusals.map((r) => (
                    <li key={r.step}>{t('refusal', { step: stepLabel(r.step), reason: tw(r.reason) })}</li>
                  ))}
                </ul>
              </section>
            ) : null}
          </Card>
        </div>
      </div>
      <EntityHistory user={user} entity="application" entityId={app.id} />
    </>
  );
}
