import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { pathId } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { getApplication } from '@/db/queries/subsidies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { orNotFound } from '@/lib/server/not-found';
import { DraftForm } from '../../_ui/draft-form';

export async function generateMetadata() {
  return { title: (await getTranslations('applications.form'))('editTitle') };
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Editing a draft or a returned application; any other status gets the page's explanation instead. */
export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const applicationId = pathId((await params).id);
  if (applicationId === undefined) notFound();
  const a = await orNotFound(getApplication(getDb(), { userId: user.id, role: user.role, ip: null }, scope, applicationId, todayInShanghai()));
  const [t, tStatus, locale] = await Promise.all([getTranslations('applications.form'), getTranslations('glossary.applicationStatus'), getLocale()]);
  const back = `/operator/applications/${a.id}`;
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm">
        <Link href={back} className="text-brand-700 hover:underline">
          {t('backToApplication', { refNo: a.refNo })}
        </Link>
      </nav>
      <PageHeader title={t('editTitle')} subtitle={a.refNo} />
      <Card>
        {a.steps.allowed.includes('edit') ? (
          <DraftForm
            mode="edit"
            applicationId={a.id}
            version={a.version}
            programme={{ name: locale === 'en' ? a.programNameEn : a.programNameZh, capFen: a.capFen }}
            applicantLabel={a.ventureName ? t('ventureOf', { venture: a.ventureName, carrier: a.carrierName }) : a.carrierName}
            initial={{
              programId: String(a.programId),
              applicant: '',
              purpose: a.purpose,
              requested: yuan(a.requestedFen),
              indicators: a.indicators.map((i) => ({ name: i.name, unit: i.unit, targetValue: String(i.targetValue) })),
            }}
          />
        ) : (
          <p className="text-sm text-slate-700">
            {t('readOnly', { status: tStatus(a.status) })}{' '}
            <Link href={back} className="text-brand-700 underline">
              {t('backToApplication', { refNo: a.refNo })}
            </Link>
          </p>
        )}
      </Card>
    </>
  );
}
