import dynamic from 'next/dynamic';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { measureWriters } from '@/lib/server/measure';
import { formatWan, moneyCompact } from '@/lib/money';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { carrierZones } from '@/db/queries/carriers';
import { anyFilter, networkOverview } from '@/db/queries/network';
import { CARRIER_LEVELS } from '@/lib/domain/vocabulary';
import { requireRole } from '@/lib/server/authz';
import { parseIsoDate, todayInShanghai } from '@/lib/domain/dates';
import { CARRIER_KINDS } from '@/lib/domain/vocabulary';
import { INDUSTRIES } from '@/lib/validation/venture';
import { FilterBar, FilterSelect } from '@/components/ui/filter-bar';
import { hrefWith, type Search } from '@/lib/search-params';
import { filterParams, parseNetworkFilter } from '@/lib/server/filters/network';
import { HeadlineCards, type HeadlineCard } from './_charts/headline-cards';
import { BudgetSummary, QueueSection, TargetsSection } from './_charts/sections';
import { ExportLink, PALETTE, SpecTable, TableDetails } from './_charts/table-details';
import { dashboardTables, headlines, incompleteNote, type HeadlineKey } from '@/lib/server/exports/dashboard-tables';
import { RESIDENCY_STAGES } from '@/lib/domain/vocabulary';

const GroupedBars = dynamic(() => import('./_charts/grouped-bars').then((m) => m.GroupedBars), {
  loading: () => <div className="h-64 animate-pulse rounded-md bg-slate-50" />,
});

export async function generateMetadata() {
  return { title: (await getTranslations('networkDashboard'))('title') };
}

/** Money for the charts: 万元 in Chinese, millions of yuan in English (the unit label says which). */
const chartMoney = (locale: string) => (locale === 'en' ? (fen: number) => Math.round(fen / 10_000) / 10_000 : (fen: number) => Math.round(fen / 100) / 10_000);

export default async function CommitteeDashboard({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole('committee');
  const today = todayInShanghai();
  const thisYear = parseIsoDate(today).y;
  const filter = parseNetworkFilter(await searchParams, thisYear);
  const db = getDb();
  const tr = (namespace: string) => getTranslations(namespace);
  const [o, zones, t, kinds, levels, stages, industries, status, metrics, locale] = await Promise.all([
    networkOverview(db, filter, today),
    carrierZones(db),
    tr('networkDashboard'),
    tr('kinds'),
    tr('levels'),
    tr('stages'),
    tr('industries'),
    tr('glossary.applicationStatus'),
    tr('networkTargets.metrics'),
    getLocale(),
  ]);
  const { measure, unitLabel } = await measureWriters(locale);
  const wan = chartMoney(locale);
  const money = (fen: number) => (locale === 'en' ? moneyCompact(locale, fen) : formatWan(fen));
  const y = filter.year;
  const wanUnit = t('unitLabel', { unit: t('units.wan') });
  const kept = filterParams(filter);
  const metricName = (m: string) => (metrics.has(m) ? metrics(m) : m);
  const tables = dashboardTables(o, { t, kinds, stages, industries, status, metrics: metricName, locale, unitLabel });
  const details = (key: keyof typeof tables) => <TableDetails spec={tables[key]} filters={kept} showLabel={t('showTable')} exportLabel={t('export')} />;
  const years = [...new Set([...Array.from({ length: 7 }, (_, i) => thisYear - i), y])].sort((a, b) => b - a);

  // Each figure opens the list behind it, narrowed as the dashboard is.
  const carriersHref = (kind = filter.kind) => hrefWith('/committee/carriers', { kind, level: filter.level, zone: filter.zone });
  const statisticsHref = hrefWith('/committee/statistics', { year: String(y) });
  const links: Record<HeadlineKey, string> = {
    carriers: carriersHref(),
    incubationArea: carriersHref(),
    nursery: carriersHref('nursery'),
    incubating: carriersHref('incubator'),
    accelerating: carriersHref('accelerator'),
    admissions: carriersHref(),
    graduations: hrefWith('/committee/graduations', { status: 'verified', year: String(y) }),
    highTech: statisticsHref,
    employees: statisticsHref,
    revenue: statisticsHref,
    rdSpend: statisticsHref,
    financing: statisticsHref,
    ipFiled: statisticsHref,
    ipGranted: statisticsHref,
  };
  // A previous year with reports for fewer quarters is named above the cards, which give no change against it.
  const incomplete = incompleteNote(o, t);
  const cards: HeadlineCard[] = headlines(o).map((h) => ({
    ...h,
    label: t(`figures.${h.key}`),
    unitLabel: h.money && locale === 'en' ? '' : t(`units.${h.unit}`),
    href: links[h.key],
    hint: h.key === 'graduations' && o.pendingGraduations > 0 ? t('pendingHint', { count: o.pendingGraduations }) : undefined,
  }));
  const lastQuarter = o.reports.current.lastQuarter;
  const filterNames = [
    filter.zone,
    filter.kind && kinds(filter.kind),
    filter.level && levels(filter.level),
    filter.industry && industries(filter.industry),
  ].filter(Boolean);

  const stageData = RESIDENCY_STAGES.map((s) => ({ stage: stages(s), current: o.stages[s].current, previous: o.stages[s].previous }));
  const quarterData = [1, 2, 3, 4].map((q) => {
    const cur = o.quarters.find((x) => x.year === y && x.quarter === q);
    const prev = o.quarters.find((x) => x.year === y - 1 && x.quarter === q);
    return {
      quarter: `Q${q}`,
      revenue: cur ? wan(cur.revenueFen) : null,
      revenuePrev: prev ? wan(prev.revenueFen) : null,
      rd: cur ? wan(cur.rdSpendFen) : null,
      rdPrev: prev ? wan(prev.rdSpendFen) : null,
    };
  });
  const industryData = o.revenueByIndustry.map((r) => ({
    industry: industries(r.industry),
    current: wan(r.revenueFen.current),
    previous: wan(r.revenueFen.previous),
  }));
  const budgetData = o.budget.programmes.map((p) => ({
    programme: p.code.replace(/^PD-\d{4}-/, ''),
    budget: wan(p.budgetFen),
    approved: wan(p.committedFen),
    paid: wan(p.paidFen),
  }));
  const funnelData = o.funnel.map((c) => ({
    cohort: String(c.cohort),
    admitted: c.admitted,
    nurseryTeams: c.nurseryTeams,
    incorporated: c.incorporated,
    graduated: c.graduated,
    accelerating: c.accelerating,
  }));
  const yearSeries = (key: string, prevKey: string, name: string, strong: string, light: string) => [
    { key, name: `${y} ${name}`.trim(), color: strong },
    { key: prevKey, name: `${y - 1} ${name}`.trim(), color: light },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link
            href={`/committee/targets?year=${y}`}
            className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
          >
            {t('manageTargets')}
          </Link>
        }
      />
      <Card className="mb-6">
        <FilterBar label={t('filters')} basePath="/committee" size={undefined} applyLabel={t('apply')} resetLabel={t('reset')}>
          <FilterSelect label={t('year')} name="year" defaultValue={String(y)} options={years.map((v) => ({ value: v, label: v }))} />
          <FilterSelect label={t('zone')} name="zone" defaultValue={filter.zone ?? ''} empty={t('any')} options={zones.map((z) => ({ value: z, label: z }))} />
          <FilterSelect
            label={t('kind')}
            name="kind"
            defaultValue={filter.kind ?? ''}
            empty={t('any')}
            options={CARRIER_KINDS.map((k) => ({ value: k, label: kinds(k) }))}
          />
          <FilterSelect
            label={t('level')}
            name="level"
            defaultValue={filter.level ?? ''}
            empty={t('any')}
            options={CARRIER_LEVELS.map((l) => ({ value: l, label: levels(l) }))}
          />
          <FilterSelect
            label={t('industry')}
            name="industry"
            defaultValue={filter.industry ?? ''}
            empty={t('any')}
            options={INDUSTRIES.map((i) => ({ value: i, label: industries(i) }))}
          />
        </FilterBar>
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm text-slate-600">
          {filterNames.length ? <p>{t('filteredNote', { filters: filterNames.join(' · ') })}</p> : null}
          <details className="max-w-4xl">
            <summary className="cursor-pointer font-medium text-brand-700">{t('definitions')}</summary>
            <p className="mt-1 leading-relaxed">{t('definitionsText')}</p>
          </details>
        </div>
      </Card>

      <HeadlineCards
        title={t('sectionNetwork')}
        cards={cards.slice(0, 7)}
        changeText={(change) => t('vsPrevious', { change })}
        previousLabel={t('previousShort', { year: y - 1 })}
        noPrevious={t('noPrevious')}
        noComparison={t('noComparison')}
        formatMoney={money}
      />
      <HeadlineCards
        title={t('sectionEconomy')}
        note={[lastQuarter ? t('upTo', { quarter: lastQuarter }) : t('noReports'), incomplete].filter(Boolean).join(' · ')}
        cards={cards.slice(7)}
        changeText={(change) => t('vsPreviousPeriod', { change })}
        previousLabel={t('previousShort', { year: y - 1 })}
        noPrevious={t('noPrevious')}
        noComparison={t('noComparison')}
        formatMoney={money}
      />
      <div className="-mt-3 mb-6">{details('headline')}</div>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title={t('tables.stages')}>
          <GroupedBars
            label={t('chartLabel', { title: t('tables.stages') })}
            data={stageData}
            xKey="stage"
            series={yearSeries('current', 'previous', '', PALETTE.blue, PALETTE.lightBlue)}
            empty={t('chartEmpty')}
          />
          {details('stages')}
        </Card>
        <Card title={t('tables.quarters')}>
          <GroupedBars
            label={t('chartLabel', { title: t('tables.quarters') })}
            data={quarterData}
            xKey="quarter"
            unit={wanUnit}
            decimals={2}
            series={[
              ...yearSeries('revenue', 'revenuePrev', t('figures.revenue'), PALETTE.blue, PALETTE.lightBlue),
              ...yearSeries('rd', 'rdPrev', t('figures.rdSpend'), PALETTE.teal, PALETTE.lightTeal),
            ]}
            empty={t('chartEmpty')}
          />
          {details('quarters')}
        </Card>
      </div>

      <TargetsSection t={t} filters={kept} targets={o.targets} spec={tables.targets} metricName={metricName} measure={measure} year={y} />

      <div className="mb-6 grid gap-6 lg:grid-cols-3">
        <Card title={t('tables.budget')} className="lg:col-span-2">
          <BudgetSummary t={t} budget={o.budget} year={y} filtered={anyFilter(filter)} locale={locale} />
          <GroupedBars
            label={t('chartLabel', { title: t('tables.budget') })}
            data={budgetData}
            xKey="programme"
            unit={wanUnit}
            decimals={2}
            series={[
              { key: 'budget', name: t('budget'), color: PALETTE.lightBlue },
              { key: 'approved', name: t('approved'), color: PALETTE.blue },
              { key: 'paid', name: t('paid'), color: PALETTE.teal },
            ]}
            empty={t('noProgrammes')}
          />
          <p className="mt-2 text-sm">
            <Link href={hrefWith('/committee/programmes', { year: String(y) })} className="font-medium text-brand-700 hover:underline">
              {t('openProgrammes')} →
            </Link>
          </p>
          {details('budget')}
        </Card>
        <QueueSection t={t} filters={kept} queue={o.queue} spec={tables.queue} statusName={(s) => status(s)} />
      </div>

      <Card title={t('tables.funnel')} className="mb-6">
        <p className="mb-3 text-sm text-slate-600">{t('funnelNote')}</p>
        <GroupedBars
          label={t('chartLabel', { title: t('tables.funnel') })}
          data={funnelData}
          xKey="cohort"
          height={280}
          series={[
            { key: 'admitted', name: t('admitted'), color: PALETTE.lightBlue },
            { key: 'nurseryTeams', name: t('nurseryTeams'), color: PALETTE.blue },
            { key: 'incorporated', name: t('incorporated'), color: PALETTE.lightTeal },
            { key: 'graduated', name: t('graduated'), color: PALETTE.teal },
            { key: 'accelerating', name: t('acceleratingCol'), color: PALETTE.amber },
          ]}
          empty={t('chartEmpty')}
        />
        {details('funnel')}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('tables.industries')}>
          <GroupedBars
            label={t('chartLabel', { title: t('tables.industries') })}
            data={industryData}
            xKey="industry"
            horizontal
            height={Math.max(220, industryData.length * 44)}
            unit={wanUnit}
            decimals={2}
            series={yearSeries('current', 'previous', '', PALETTE.blue, PALETTE.lightBlue)}
            empty={t('chartEmpty')}
          />
          {details('industries')}
        </Card>
        <Card title={t('tables.carriers')}>
          <SpecTable spec={tables.carriers} />
          <ExportLink table="carriers" filters={kept} label={t('export')} caption={tables.carriers.caption} />
        </Card>
      </div>
    </>
  );
}
