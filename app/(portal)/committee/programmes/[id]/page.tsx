import { notFound } from 'next/navigation';
import { getTranslations, getLocale } from 'next-intl/server';
import { pathId } from '@/lib/search-params';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { programmeApplicationCount, getProgramme, programmeBudgets } from '@/db/queries/subsidies';
import { requireRole } from '@/lib/server/authz';
import { moneyFigure } from '@/lib/money';
import { rateText } from '@/lib/display-format';
import { ProgrammeForm } from '../programme-form';
import { orNotFound } from '@/lib/server/not-found';

export async function generateMetadata() {
  return { title: (await getTranslations('review.programmes'))('title') };
}

/** Fen as the yuan the form is typed in, without grouping: 12345678 -> "123456.78". */
const yuanText = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

export default async function EditProgrammePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const locale = await getLocale();
  await requireRole('committee');
  const { saved } = await searchParams;
  const programId = pathId((await params).id);
  if (programId === undefined) notFound();
  const db = getDb();
  const p = await orNotFound(getProgramme(db, programId));
  const [applications, [budget], t, tp] = await Promise.all([
    programmeApplicationCount(db, p.id),
    programmeBudgets(db, { programIds: [p.id] }),
    getTranslations('review.programmeForm'),
    getTranslations('review.programmes'),
  ]);
  return (
    <>
      <PageHeader back={{ href: '/committee/programmes', label: t('back') }} title={t('editTitle', { code: p.code })} subtitle={`${p.nameZh} · ${p.nameEn}`} />
      {saved ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('saved')}
        </p>
      ) : null}
      {budget ? (
        <p className="mb-4 text-sm text-slate-700">
          {t('budgetFigures', {
            committed: moneyFigure(locale, budget.committedFen),
            paid: moneyFigure(locale, budget.paidFen),
            remaining: moneyFigure(locale, budget.remainingFen),
          })}{' '}
          {tp('rate')} {rateText(budget.executionRate)}
        </p>
      ) : null}
      <Card>
        <ProgrammeForm
          programId={p.id}
          version={p.version}
          applications={applications}
          initial={{
            code: p.code,
            nameZh: p.nameZh,
            nameEn: p.nameEn,
            year: String(p.year),
            category: p.category,
            applicantType: p.applicantType,
            eligibleKinds: p.eligibleKinds,
            eligibleStages: p.eligibleStages,
            fundingMode: p.fundingMode,
            budget: yuanText(Number(p.budgetFen)),
            cap: yuanText(Number(p.capFen)),
            opensOn: p.opensOn,
            closesOn: p.closesOn,
            requiredDocuments: p.requiredDocuments,
            description: p.description ?? '',
            status: p.status,
          }}
        />
      </Card>
    </>
  );
}
