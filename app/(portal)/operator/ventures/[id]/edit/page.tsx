import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pathId } from '@/lib/search-params';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getVentureDetail } from '@/db/queries/ventures';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatDate } from '@/lib/format';
import { orNotFound } from '@/lib/server/not-found';
import { VentureEditor } from './edit-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ventures.edit'))('metaTitle') };
}

export default async function EditVenturePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const ventureId = pathId((await params).id);
  if (ventureId === undefined) notFound();
  const today = todayInShanghai();
  const d = await orNotFound(getVentureDetail(getDb(), scope, ventureId, today));
  // Only the carrier of the open stay edits it; an earlier carrier reads its period on the venture's page.
  if (!d.editable) notFound();
  const [t, tStages] = await Promise.all([getTranslations('ventures'), getTranslations('stages')]);
  const v = d.venture;
  return (
    <>
      <nav aria-label={t('detail.breadcrumb')} className="mb-2 text-sm">
        <Link href={`/operator/ventures/${v.id}`} className="text-brand-700 hover:underline">
          {t('edit.backTo', { name: v.name })}
        </Link>
      </nav>
      <PageHeader title={t('edit.title', { name: v.name })} subtitle={t('edit.subtitle')} />
      <dl className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t('fields.kind')}</dt>
          <dd className="font-medium">{t(`ventureKinds.${v.kind}`)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('fields.creditCode')}</dt>
          <dd className="font-mono font-medium">{v.creditCode ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('fields.foundedOn')}</dt>
          <dd className="font-medium">{formatDate(v.foundedOn)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t('fields.stage')}</dt>
          <dd className="font-medium">{tStages(v.stage)}</dd>
        </div>
      </dl>
      <VentureEditor
        ventureId={v.id}
        version={v.version}
        today={today}
        financings={d.financings}
        initial={{
          industry: v.industry,
          technicalField: v.technicalField ?? '',
          founders: v.founders ?? '',
          talentFlags: v.talentFlags,
          highTechCertNo: v.highTechCertNo ?? '',
          highTechCertOn: v.highTechCertOn ?? '',
          exitKind: v.exitKind ?? '',
          exitOn: v.exitOn ?? '',
        }}
      />
    </>
  );
}
