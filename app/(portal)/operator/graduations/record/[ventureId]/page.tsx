import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { pathId } from '@/lib/search-params';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { graduationCandidate, type GraduationCandidate } from '@/db/queries/graduations';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import type { CriterionResult } from '@/lib/domain/graduation';
import { formatDate } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { criterionFigure } from '../../_ui/figures';
import { GraduationForm } from './graduation-form';
import { orNotFound } from '@/lib/server/not-found';

async function load(ventureIdParam: string, today: string): Promise<GraduationCandidate> {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const ventureId = pathId(ventureIdParam);
  if (ventureId === undefined) notFound();
  return orNotFound(graduationCandidate(getDb(), scope, ventureId, today));
}

export async function generateMetadata() {
  return { title: (await getTranslations('graduation'))('title') };
}

export default async function RecordGraduationPage({ params }: { params: Promise<{ ventureId: string }> }) {
  const { ventureId } = await params;
  const today = todayInShanghai();
  const venture = await load(ventureId, today);
  const t = await getTranslations('graduation');
  const locale = await getLocale();
  const back = (
    <Link href="/operator/graduations" className="text-sm font-medium text-brand-700 hover:underline">
      {t('record.back')}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t('record.title', { name: venture.ventureName })}
        subtitle={t('record.subtitle', { carrier: venture.carrierName, date: formatDate(venture.enteredOn) })}
        actions={back}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('record.check')}>
          <DataTable
            caption={t('record.checkCaption')}
            rows={venture.evaluation}
            rowKey={(r: CriterionResult) => r.criterion}
            columns={[
              { key: 'criterion', header: t('record.criterion'), cell: (r) => t(`criteria.${r.criterion}`) },
              {
                key: 'met',
                header: t('record.met'),
                cell: (r) => <Badge tone={r.met ? 'good' : 'neutral'}>{r.met ? t('record.yes') : t('record.no')}</Badge>,
              },
              { key: 'basis', header: t('record.basis'), cell: (r) => criterionFigure(t, r.criterion, venture.figures, locale) },
            ]}
          />
        </Card>
        <Card title={t('record.form')}>
          {venture.pendingGraduation ? (
            <EmptyState>{t('record.pending')}</EmptyState>
          ) : venture.criteria.length === 0 ? (
            <EmptyState>
              {t('record.noneSupported')}{' '}
              <Link href={`/operator/ventures/${venture.ventureId}/edit`} className="font-medium text-brand-700 hover:underline">
                {t('record.editVenture')}
              </Link>
            </EmptyState>
          ) : (
            <GraduationForm ventureId={venture.ventureId} version={venture.version} supported={venture.criteria} enteredOn={venture.enteredOn} today={today} />
          )}
        </Card>
      </div>
    </>
  );
}
