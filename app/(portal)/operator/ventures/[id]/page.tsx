import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pathId } from '@/lib/search-params';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getVentureDetail } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { EntityHistory } from '@/components/audit/entity-history';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { Badge, limitTone } from '@/components/ui/badge';
import { ApplicationsSection, FinancingSection, GraduationsSection, HistorySection, ReportsSection } from '../_ui/detail-sections';
import { DetailItem as Item } from '@/components/ui/detail-item';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('ventures.detail'))('title') };
}

const button = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100';

export default async function VentureDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const ventureId = pathId((await params).id);
  if (ventureId === undefined) notFound();
  const d = await orNotFound(getVentureDetail(getDb(), scope, ventureId, todayInShanghai()));
  const [t, tOwn, tStages, tIndustries, tTalent, tWarnings, tLimit, tFields] = await Promise.all([
    getTranslations('ventures'),
    getTranslations('ownership.detail'),
    getTranslations('stages'),
    getTranslations('industries'),
    getTranslations('talent'),
    getTranslations('ventures.ruleWarnings'),
    getTranslations('glossary.limitStatus'),
    getTranslations('technicalFields'),
  ]);
  const v = d.venture;
  const open = d.openResidency;
  const base = `/operator/ventures/${v.id}`;
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')} className="mb-2 text-sm">
        <Link href="/operator/ventures" className="text-brand-700 hover:underline">
          {t('detail.back')}
        </Link>
      </nav>
      <PageHeader
        title={v.name}
        subtitle={[t(`ventureKinds.${v.kind}`), tStages(v.stage), v.creditCode].filter(Boolean).join(' · ')}
        actions={
          // Only the carrier of the open stay changes the venture (docs/data-ownership.md).
          d.editable ? (
            <div className="flex flex-wrap gap-2">
              <Link href={`${base}/edit`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {t('detail.edit')}
              </Link>
              {open && v.kind === 'team' && open.stage === 'nursery' ? (
                <Link href={`${base}/incorporate`} className={button}>
                  {t('detail.incorporate')}
                </Link>
              ) : null}
              {open ? (
                <Link href={`${base}/exit`} className={button}>
                  {t('detail.exit')}
                </Link>
              ) : null}
            </div>
          ) : null
        }
      />
      {d.current ? null : (
        <div role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <strong className="mb-1 block font-semibold">{tOwn('pastPeriodTitle')}</strong>
          <p>{tOwn('pastPeriod')}</p>
        </div>
      )}
      <div className="space-y-6">
        <Card title={t('detail.profile')}>
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <Item label={t('fields.kind')}>{t(`ventureKinds.${v.kind}`)}</Item>
            <Item label={t('fields.creditCode')}>{v.creditCode ? <span className="font-mono">{v.creditCode}</span> : '—'}</Item>
            <Item label={t('fields.industry')}>{tIndustries(v.industry)}</Item>
            <Item label={t('fields.technicalField')}>
              {v.technicalField ? (tFields.has(v.technicalField) ? tFields(v.technicalField as 'other') : v.technicalField) : '—'}
            </Item>
            <Item label={t('fields.foundedOn')}>{formatDate(v.foundedOn)}</Item>
            <Item label={t('fields.founders')}>{v.founders ?? '—'}</Item>
            <Item label={t('fields.talent')}>{v.talentFlags.length ? v.talentFlags.map((f) => (tTalent.has(f) ? tTalent(f) : f)).join('、') : '—'}</Item>
            <Item label={t('fields.highTechCert')}>
              {v.highTechCertNo ? t('detail.certValue', { no: v.highTechCertNo, date: formatDate(v.highTechCertOn) }) : t('detail.notCertified')}
            </Item>
            <Item label={t('fields.exitEvent')}>
              {v.exitKind ? t('detail.exitValue', { kind: t(`exitKinds.${v.exitKind}`), date: formatDate(v.exitOn) }) : '—'}
            </Item>
            <Item label={t('fields.stage')}>{tStages(v.stage)}</Item>
            <Item label={t('fields.carrier')}>
              {open ? t('detail.inCarrierSince', { name: open.carrierName, date: formatDate(open.enteredOn) }) : t('detail.notResident')}
            </Item>
            <Item label={t('fields.incubationLimit')}>
              {d.limit ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={limitTone(d.limit.status)}>{tLimit(d.limit.status)}</Badge>
                  {t('detail.limitValue', { months: d.limit.limitMonths, date: formatDate(d.limit.endsOn) })}
                </span>
              ) : (
                '—'
              )}
            </Item>
            {open && open.ruleWarnings.length ? (
              <Item label={t('fields.warnings')}>
                <span className="flex flex-wrap gap-1">
                  {open.ruleWarnings.map((w) => (
                    <Badge key={w} tone="warn">
                      {tWarnings.has(w) ? tWarnings(w) : w}
                    </Badge>
                  ))}
                </span>
              </Item>
            ) : null}
          </dl>
        </Card>
        <HistorySection detail={d} />
        <FinancingSection detail={d} />
        <ReportsSection detail={d} />
        <GraduationsSection detail={d} />
        <ApplicationsSection detail={d} />
      </div>
      <EntityHistory user={user} entity="venture" entityId={v.id} />
    </>
  );
}
