import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { openProgrammesFor } from '@/db/queries/subsidies';
import { requireRole, scopeFor } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { applicantValue } from '../_ui/applicant';
import { DraftForm, type DraftProgramme } from '../_ui/draft-form';
import { one, type Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('applications.form'))('newTitle') };
}

/**
 * A new draft. The programme and applicant come preselected from the open programmes page;
 * only open programmes and the operator's eligible carriers or ventures can be chosen.
 */
export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  const scope = await scopeFor(user);
  const params = await searchParams;
  const [open, t, locale] = await Promise.all([openProgrammesFor(getDb(), scope, todayInShanghai()), getTranslations('applications.form'), getLocale()]);
  const programmes: DraftProgramme[] = open.map((p) => ({
    id: p.id,
    name: locale === 'en' ? p.nameEn : p.nameZh,
    capFen: p.capFen,
    applicantType: p.applicantType,
    applicants: p.applicants
      .filter((a) => !a.ineligible)
      .map((a) => ({
        carrierId: a.carrierId,
        ventureId: a.ventureId,
        label: a.ventureName ? t('ventureOf', { venture: a.ventureName, carrier: a.carrierName }) : a.carrierName,
      })),
  }));
  // What the address names is kept only when it is one of the choices.
  const chosen = programmes.find((p) => String(p.id) === one(params.programme));
  const wanted = applicantValue(Number(one(params.carrier) ?? ''), one(params.venture) ? Number(one(params.venture)) : null);
  const applicant = chosen?.applicants.some((a) => applicantValue(a.carrierId, a.ventureId) === wanted) ? wanted : '';

  return (
    <>
      <PageHeader title={t('newTitle')} subtitle={t('newSubtitle')} />
      <Card>
        {programmes.length === 0 ? (
          <EmptyState>
            {t('noOpenProgrammes')}{' '}
            <Link href="/operator/applications" className="text-brand-700 underline">
              {t('backToList')}
            </Link>
          </EmptyState>
        ) : (
          <DraftForm
            mode="create"
            programmes={programmes}
            initial={{ programId: chosen ? String(chosen.id) : '', applicant, purpose: '', requested: '', indicators: [] }}
          />
        )}
      </Card>
    </>
  );
}
