import Link from 'next/link';
import { getTranslations, getLocale } from 'next-intl/server';
import { Badge, graduationTone } from '@/components/ui/badge';
import type { GraduationQueueRow } from '@/db/queries/graduations';
import { GRADUATION_CRITERIA, type GraduationCriterion } from '@/lib/domain/graduation';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { localName, sizeText } from '@/lib/display-format';
import { DecisionForms } from './decision-forms';

/** One recorded graduation: the criteria claimed beside those the data supports, the evidence, the decision. */
export async function GraduationCard({ g }: { g: GraduationQueueRow }) {
  const locale = await getLocale();
  const [t, tg, tStatus] = await Promise.all([
    getTranslations('graduationReview'),
    getTranslations('graduation'),
    getTranslations('glossary.graduationStatus'),
  ]);
  const f = g.figures;
  const basis = (c: GraduationCriterion): string => {
    switch (c) {
      case 'high_tech':
        return f.highTechCertNo && f.highTechCertOn ? tg('figures.highTech', { no: f.highTechCertNo, date: formatDate(f.highTechCertOn) }) : tg('figures.none');
      case 'financing':
        return tg('figures.financing', { amount: moneyFigure(locale, f.financingTotalFen) });
      case 'revenue':
        return f.revenue
          ? tg('figures.revenue', {
              first: f.revenue.firstYear,
              second: f.revenue.firstYear + 1,
              total: moneyFigure(locale, f.revenue.totalFen),
              firstAmount: moneyFigure(locale, f.revenue.firstYearFen),
              secondAmount: moneyFigure(locale, f.revenue.secondYearFen),
            })
          : tg('figures.noRevenue');
      case 'exit':
        return f.exitKind && f.exitOn ? tg('figures.exit', { kind: tg(`exitKinds.${f.exitKind}`), date: formatDate(f.exitOn) }) : tg('figures.none');
    }
  };
  const unsupported = g.claimed.some((c) => !g.supported.includes(c));
  const headingId = `graduation-${g.id}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {g.ventureName}
          </h2>
          <p className="text-sm text-slate-600">
            <Link href={`/committee/carriers/${g.carrierId}`} className="text-brand-700 underline hover:no-underline">
              {localName(locale, { name: g.carrierName, nameEn: g.carrierNameEn })}
            </Link>
            {' · '}
            {t('graduatedOn')} {formatDate(g.graduatedOn)}
            {' · '}
            {g.recordedByName
              ? t('recorded', { name: g.recordedByName, date: formatDate(g.recordedAt) })
              : t('recordedUnknown', { date: formatDate(g.recordedAt) })}
          </p>
        </div>
        <Badge tone={graduationTone(g.status)}>{tStatus(g.status)}</Badge>
      </header>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t('criteriaCaption', { name: g.ventureName })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium text-slate-700">
                    {t('criterion')}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium text-slate-700">
                    {t('claimed')}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium text-slate-700">
                    {t('supported')}
                  </th>
                  <th scope="col" className="px-2 py-1.5 text-left font-medium text-slate-700">
                    {t('basis')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {GRADUATION_CRITERIA.map((c) => {
                  const claimed = g.claimed.includes(c);
                  const supported = g.supported.includes(c);
                  return (
                    <tr key={c} className={claimed ? 'bg-slate-50' : ''}>
                      <th scope="row" className="px-2 py-1.5 text-left font-normal text-slate-900">
                        {tg(`criteria.${c}`)}
                      </th>
                      <td className="px-2 py-1.5">{claimed ? <Badge tone="brand">{t('yes')}</Badge> : <span className="text-slate-600">—</span>}</td>
                      <td className="px-2 py-1.5">
                        <Badge tone={supported ? 'good' : claimed ? 'bad' : 'neutral'}>{supported ? t('yes') : t('no')}</Badge>
                      </td>
                      <td className="px-2 py-1.5 text-slate-700">{basis(c)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {unsupported ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('unsupportedClaim')}</p> : null}
          <div className="text-sm">
            <h3 className="font-medium text-slate-800">{t('evidence')}</h3>
            <p className="mt-1 whitespace-pre-line text-slate-700">{g.evidence}</p>
          </div>
          <div className="text-sm">
            <h3 className="font-medium text-slate-800">{t('files')}</h3>
            {g.files.length === 0 ? (
              <p className="mt-1 text-slate-600">{t('noFiles')}</p>
            ) : (
              <ul className="mt-1 space-y-0.5">
                {g.files.map((file) => (
                  <li key={file.id}>
                    <a href={`/api/operator/graduation-files/${file.id}`} className="text-brand-700 underline hover:no-underline" download>
                      {t('download', { name: file.fileName, size: sizeText(file.sizeBytes) })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <aside className="rounded-md border border-slate-200 bg-slate-50 p-4">
          {g.status === 'pending' ? (
            <DecisionForms graduationId={g.id} ventureVersion={g.ventureVersion} ventureName={g.ventureName} />
          ) : (
            <div className="space-y-2 text-sm text-slate-700">
              {g.verifiedAt ? <p>{t('decided', { name: g.verifiedByName ?? '—', date: formatDate(g.verifiedAt) })}</p> : null}
              {g.rejectionReason ? <p className="text-red-800">{t('reason', { reason: g.rejectionReason })}</p> : null}
            </div>
          )}
        </aside>
      </div>
    </article>
  );
}
