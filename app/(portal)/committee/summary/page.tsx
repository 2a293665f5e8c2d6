import { getTranslations, getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { summaryYears, yearSummary } from '@/db/queries/network';
import { requireRole } from '@/lib/server/authz';
import { todayInShanghai } from '@/lib/domain/dates';
import { formatInt } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { rateText } from '@/lib/display-format';
import { one, optionalYear, type Search } from '@/lib/search-params';
import { PrintButton } from './print-button';
import { SummaryTables } from './summary-tables';
import './print.css';
import type { CarrierKind } from '@/lib/domain/vocabulary';

export async function generateMetadata() {
  return { title: (await getTranslations('yearSummary'))('metaTitle') };
}

const BASE = '/committee/summary';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2>
      <div className="space-y-2 text-[15px] leading-8 text-slate-800 [&>p]:indent-8">{children}</div>
    </section>
  );
}

/**
 * The committee's annual summary of the incubation network, written from the data in the
 * manner of its own yearly report: prose with the figures filled in, and compact tables.
 * Printable as it is (print.css), or saved as a PDF from the print dialog.
 */
export default async function SummaryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const locale = await getLocale();
  await requireRole('committee');
  const params = await searchParams;
  const today = todayInShanghai();
  const year = optionalYear(one(params.year)) ?? Number(today.slice(0, 4));
  const db = getDb();
  const [s, years, t, tk, tc] = await Promise.all([
    yearSummary(db, year),
    summaryYears(db, today),
    getTranslations('yearSummary'),
    getTranslations('kinds'),
    getTranslations('review.categories'),
  ]);
  const kind = (k: CarrierKind) => s.carriers.find((c) => c.kind === k)?.carriers ?? 0;
  const totalOf = (pick: (c: (typeof s.carriers)[number]) => number) => s.carriers.reduce((n, c) => n + pick(c), 0);
  const tenants = s.tenantsAtYearEnd.nursery + s.tenantsAtYearEnd.incubating + s.tenantsAtYearEnd.accelerating;
  const awards = s.subsidies.reduce((n, c) => n + c.awards, 0);
  const committed = s.subsidies.reduce((n, c) => n + c.committedFen, 0);
  const count = (o: string) => s.targets.filter((x) => x.outcome === o).length;

  return (
    <>
      <div className="print-controls print:hidden">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">{t('subtitle')}</p>
          <PrintButton label={t('print')} />
        </div>
        <FilterBar label={t('filters')} basePath={BASE} size={undefined} applyLabel={t('show')} resetLabel={(await getTranslations('statistics'))('reset')}>
          <FilterSelect label={t('year')} name="year" defaultValue={String(year)} options={years.map((y) => ({ value: y, label: y }))} />
        </FilterBar>
      </div>
      <article className="print-sheet mx-auto max-w-4xl rounded-lg border border-slate-200 bg-white px-6 py-8 shadow-sm md:px-12">
        <h1 className="text-center text-2xl font-semibold text-slate-900">{t('title', { year })}</h1>
        <p className="mt-2 text-center text-sm text-slate-600">{t('generated', { today })}</p>

        <Section title={t('s1')}>
          <p>
            {t('p1', {
              year,
              carriers: formatInt(totalOf((c) => c.carriers)),
              nursery: formatInt(kind('nursery')),
              incubator: formatInt(kind('incubator')),
              accelerator: formatInt(kind('accelerator')),
              national: formatInt(totalOf((c) => c.national)),
              area: formatInt(totalOf((c) => c.incubationAreaM2)),
              opened: formatInt(totalOf((c) => c.opened)),
              openedArea: formatInt(totalOf((c) => c.openedAreaM2)),
            })}
          </p>
        </Section>

        <Section title={t('s2')}>
          <p>
            {t('p2a', {
              tenants: formatInt(tenants),
              nursery: formatInt(s.tenantsAtYearEnd.nursery),
              incubating: formatInt(s.tenantsAtYearEnd.incubating),
              accelerating: formatInt(s.tenantsAtYearEnd.accelerating),
              admissions: formatInt(s.admissions),
            })}
          </p>
          <p>
            {t('p2b', {
              verified: formatInt(s.graduations.verified),
              pending: formatInt(s.graduations.pending),
              ...Object.fromEntries(Object.entries(s.graduations.byCriterion).map(([k, v]) => [k, formatInt(v)])),
              highTech: formatInt(s.highTech.total),
              highTechNew: formatInt(s.highTech.newInYear),
            })}
          </p>
        </Section>

        <Section title={t('s3')}>
          <p>
            {t('p3', {
              reporting: formatInt(s.reports.reportingTenants),
              revenue: moneyFigure(locale, s.reports.revenueFen),
              rd: moneyFigure(locale, s.reports.rdSpendFen),
              tax: moneyFigure(locale, s.reports.taxFen),
              finEvents: formatInt(s.financing.events),
              finAmount: moneyFigure(locale, s.financing.amountFen),
            })}
          </p>
        </Section>

        <Section title={t('s4')}>
          {s.budget ? (
            <p>
              {t('p4', {
                budget: moneyFigure(locale, s.budget.budgetFen),
                paid: moneyFigure(locale, s.budget.paidFen),
                rate: rateText(s.budget.executionRate),
                awards,
                committed: moneyFigure(locale, committed),
              })}
              {s.subsidies.length
                ? t('p4categories', {
                    list: s.subsidies
                      .map((c) => t('categoryItem', { category: tc(c.category), awards: c.awards, amount: moneyFigure(locale, c.committedFen) }))
                      .join(t('listSeparator')),
                  })
                : null}
            </p>
          ) : (
            <p>{t('p4none')}</p>
          )}
        </Section>

        <Section title={t('s5')}>
          <p>
            {s.targets.length
              ? t('p5', { year, count: s.targets.length, met: count('met'), below: count('below') + count('above'), noData: count('noData') })
              : t('p5none')}
          </p>
        </Section>

        <SummaryTables summary={s} kindLabel={(k) => tk(k)} categoryLabel={(c) => tc(c)} />
      </article>
    </>
  );
}
