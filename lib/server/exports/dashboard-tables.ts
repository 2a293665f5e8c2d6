import type { NetworkOverview, YearPair } from '@/db/queries/network';
import type { ExportColumn } from '@/lib/spreadsheet/table-export';
import { RESIDENCY_STAGES } from '@/lib/domain/vocabulary';

/**
 * The dashboard's tables, described once as cells with a format, so that the page's data
 * tables and the .xlsx export show the same rows. Money cells hold fen.
 */
/** A cell's value and how it reads; money is fen, shown in 万元 ('wan') on Chinese pages and in yuan ('yuan') on English ones. */
export type Cell = { v: number | string | null; f?: 'wan' | 'yuan' | 'int' | 'pct' | 'dec' | 'text' };
export type TableColumn = { heading: string; numeric?: boolean; width: number; format?: ExportColumn['format'] };
export type TableSpec = { key: TableKey; caption: string; columns: TableColumn[]; rows: Cell[][] };
export const TABLE_KEYS = ['headline', 'carriers', 'stages', 'quarters', 'industries', 'targets', 'budget', 'queue', 'funnel'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

type T = (key: string, values?: Record<string, string | number>) => string;
export type Translators = {
  t: T;
  kinds: T;
  stages: T;
  industries: T;
  status: T;
  metrics: T;
  locale: string;
  /** A target's stored unit in the reader's language (lib/server/measure); as stored without it. */
  unitLabel?: (unit: string) => string;
};

const int = (v: number | null): Cell => ({ v, f: 'int' });
const money =
  (locale: string) =>
  (v: number | null): Cell => ({ v, f: locale === 'en' ? 'yuan' : 'wan' });
const pct = (v: number | null): Cell => ({ v, f: 'pct' });
const dec = (v: number | null): Cell => ({ v, f: 'dec' });
const text = (v: string): Cell => ({ v, f: 'text' });

/** Change of a figure in per cent of the previous year, one decimal; null without a previous figure. */
export function changePercent(p: YearPair): number | null {
  return p.previous > 0 ? Math.round(((p.current - p.previous) * 1000) / p.previous) / 10 : null;
}

export type HeadlineKey =
  | 'carriers'
  | 'incubationArea'
  | 'nursery'
  | 'incubating'
  | 'accelerating'
  | 'admissions'
  | 'graduations'
  | 'highTech'
  | 'employees'
  | 'revenue'
  | 'rdSpend'
  | 'financing'
  | 'ipFiled'
  | 'ipGranted';
/** `comparable`: the previous year's figure covers the same period, so a change may be given. */
export type Headline = { key: HeadlineKey; pair: YearPair; money: boolean; unit: string; comparable: boolean };

/** The change of a headline in per cent; null when the previous year is incomplete or empty. */
export const headlineChange = (h: Pick<Headline, 'pair' | 'comparable'>) => (h.comparable ? changePercent(h.pair) : null);

/**
 * Why the report figures carry no change: the previous year lacks some of the quarters the
 * year has ("2024 has report data for Q4 only"); null when they compare like for like.
 */
export function incompleteNote(o: Pick<NetworkOverview, 'filter' | 'reports'>, t: T): string | null {
  if (o.reports.comparable || o.reports.current.quarters.length === 0) return null;
  const year = o.filter.year - 1;
  const qs = o.reports.previous.quarters;
  if (qs.length === 0) return t('noPreviousReports', { year });
  return t('incompletePrevious', { year, quarters: qs.map((quarter) => t('quarterName', { quarter })).join(t('listSeparator')) });
}

/** The headline figures, in the order of the cards. */
export function headlines(o: NetworkOverview): Headline[] {
  const r = o.reports;
  const rp = (k: 'highTech' | 'employees' | 'revenueFen' | 'rdSpendFen' | 'financingFen' | 'ipFiled' | 'ipGranted'): YearPair => ({
    current: r.current[k],
    previous: r.previous[k],
  });
  const c = r.comparable;
  return [
    { key: 'carriers', pair: o.carriers, money: false, unit: 'count', comparable: true },
    { key: 'incubationArea', pair: o.incubationAreaM2, money: false, unit: 'm2', comparable: true },
    { key: 'nursery', pair: o.stages.nursery, money: false, unit: 'teams', comparable: true },
    { key: 'incubating', pair: o.stages.incubating, money: false, unit: 'count', comparable: true },
    { key: 'accelerating', pair: o.stages.accelerating, money: false, unit: 'count', comparable: true },
    { key: 'admissions', pair: o.admissions, money: false, unit: 'teams', comparable: true },
    { key: 'graduations', pair: o.graduations, money: false, unit: 'count', comparable: true },
    { key: 'highTech', pair: rp('highTech'), money: false, unit: 'count', comparable: c },
    { key: 'employees', pair: rp('employees'), money: false, unit: 'people', comparable: c },
    { key: 'revenue', pair: rp('revenueFen'), money: true, unit: 'wan', comparable: c },
    { key: 'rdSpend', pair: rp('rdSpendFen'), money: true, unit: 'wan', comparable: c },
    { key: 'financing', pair: rp('financingFen'), money: true, unit: 'wan', comparable: c },
    { key: 'ipFiled', pair: rp('ipFiled'), money: false, unit: 'items', comparable: c },
    { key: 'ipGranted', pair: rp('ipGranted'), money: false, unit: 'items', comparable: c },
  ] satisfies Headline[];
}

export function dashboardTables(o: NetworkOverview, tr: Translators): Record<TableKey, TableSpec> {
  const { t } = tr;
  const wan = money(tr.locale);
  const unitLabel = tr.unitLabel ?? ((u: string) => u);
  const y = o.filter.year;
  const cap = (k: TableKey) => t(`tables.${k}`);
  const num = (heading: string, format: ExportColumn['format'] = 'int', width = 14): TableColumn => ({ heading, numeric: true, width, format });
  // A column whose rows differ in unit keeps the cells' own numbers, without one format.
  const mixed = (heading: string): TableColumn => ({ heading, numeric: true, width: 14 });
  const label = (heading: string, width = 22): TableColumn => ({ heading, width });
  const yearCols = [num(t('current', { year: y })), num(t('previous', { year: y - 1 })), num(`${t('change')} (%)`, 'percent', 10)];
  const programmeName = (p: { nameZh: string; nameEn: string }) => (tr.locale === 'en' ? p.nameEn : p.nameZh);
  const note = incompleteNote(o, t);

  return {
    headline: {
      key: 'headline',
      caption: cap('headline'),
      columns: [
        label(t('metric')),
        label(t('unit'), 10),
        mixed(t('current', { year: y })),
        mixed(t('previous', { year: y - 1 })),
        yearCols[2]!,
        label(t('noteCol'), 36),
      ],
      rows: headlines(o).map((h) => {
        const cell = h.money ? wan : int;
        return [
          text(t(`figures.${h.key}`)),
          text(t(`units.${h.unit}`)),
          cell(h.pair.current),
          cell(h.pair.previous),
          pct(headlineChange(h)),
          text(h.comparable ? '' : (note ?? '')),
        ];
      }),
    },
    carriers: {
      key: 'carriers',
      caption: cap('carriers'),
      columns: [
        label(t('kindCol'), 14),
        ...yearCols.slice(0, 2).map((c) => ({ ...c, heading: `${t('carriersCol')} ${c.heading}` })),
        num(t('areaCol')),
        num(t('newCarriersCol')),
        num(t('newAreaCol')),
      ],
      rows: o.carriersByKind.map((k) => [
        text(tr.kinds(k.kind)),
        int(k.carriers.current),
        int(k.carriers.previous),
        int(k.incubationAreaM2.current),
        int(k.newCarriers),
        int(k.newAreaM2),
      ]),
    },
    stages: {
      key: 'stages',
      caption: cap('stages'),
      columns: [label(t('stageCol'), 14), ...yearCols],
      rows: RESIDENCY_STAGES.map((s) => [text(tr.stages(s)), int(o.stages[s].current), int(o.stages[s].previous), pct(changePercent(o.stages[s]))]),
    },
    quarters: {
      key: 'quarters',
      caption: cap('quarters'),
      columns: [
        label(t('quarterCol'), 12),
        num(t('reportsCol'), 'int', 10),
        num(t('figures.revenue'), 'wan'),
        num(t('figures.rdSpend'), 'wan'),
        num(t('figures.financing'), 'wan'),
        num(t('figures.employees')),
        num(t('figures.highTech')),
        num(t('figures.ipFiled')),
        num(t('figures.ipGranted')),
      ],
      rows: o.quarters.map((q) => [
        text(t('quarterLabel', { year: q.year, quarter: q.quarter })),
        int(q.reports),
        wan(q.revenueFen),
        wan(q.rdSpendFen),
        wan(q.financingFen),
        int(q.employees),
        int(q.highTech),
        int(q.ipFiled),
        int(q.ipGranted),
      ]),
    },
    industries: {
      key: 'industries',
      caption: cap('industries'),
      columns: [
        label(t('industryCol'), 18),
        num(t('current', { year: y }), 'wan'),
        num(t('previous', { year: y - 1 }), 'wan'),
        num(`${t('growthCol')} (%)`, 'percent', 10),
        label(t('noteCol'), 36),
      ],
      rows: o.revenueByIndustry.map((r) => [
        text(tr.industries(r.industry)),
        wan(r.revenueFen.current),
        wan(r.revenueFen.previous),
        pct(o.reports.comparable ? changePercent(r.revenueFen) : null),
        text(o.reports.comparable ? '' : (note ?? '')),
      ]),
    },
    targets: {
      key: 'targets',
      caption: cap('targets'),
      columns: [
        label(t('targetMetric'), 24),
        label(t('targetRange'), 14),
        label(t('unit'), 8),
        mixed(t('targetActual')),
        num(`${t('targetProgress')} (%)`, 'percent', 10),
        label(t('targetStatus'), 12),
      ],
      rows: o.targets.map((g) => [
        text(tr.metrics(g.metric)),
        text(g.targetMax === null ? `≥ ${g.targetMin}` : `${g.targetMin} – ${g.targetMax}`),
        text(unitLabel(g.unit)),
        dec(g.value),
        pct(g.percent),
        text(t(`targetStatuses.${g.status}`)),
      ]),
    },
    budget: {
      key: 'budget',
      caption: cap('budget'),
      columns: [
        label(t('programme'), 30),
        num(t('budget'), 'wan'),
        num(t('approved'), 'wan'),
        num(t('paid'), 'wan'),
        num(t('remaining'), 'wan'),
        num(`${t('rate')} (%)`, 'percent', 10),
        num(t('awards'), 'int', 8),
      ],
      rows: [...o.budget.programmes.map((p) => ({ name: `${p.code} ${programmeName(p)}`, b: p })), { name: t('total'), b: o.budget.total }].map(
        ({ name, b }) => [text(name), wan(b.budgetFen), wan(b.committedFen), wan(b.paidFen), wan(b.remainingFen), pct(b.executionRate), int(b.awards)],
      ),
    },
    queue: {
      key: 'queue',
      caption: cap('queue'),
      columns: [
        label(t('queueStatus'), 14),
        num(t('waiting'), 'int', 10),
        num(`${t('oldest')} (${t('units.days')})`, 'int', 12),
        num(`${t('median')} (${t('units.days')})`, 'percent', 12),
        num(t('over30'), 'int', 10),
      ],
      rows: o.queue.map((q) => [text(tr.status(q.status)), int(q.waiting), int(q.oldestDays), dec(q.medianDays), int(q.over30Days)]),
    },
    funnel: {
      key: 'funnel',
      caption: cap('funnel'),
      columns: [
        label(t('cohort'), 12),
        num(t('admitted'), 'int', 10),
        num(t('nurseryTeams'), 'int', 10),
        num(t('incorporated'), 'int', 10),
        num(t('graduated'), 'int', 10),
        num(t('acceleratingCol'), 'int', 12),
        num(`${t('incorporationRate')} (%)`, 'percent', 12),
        num(`${t('graduationRate')} (%)`, 'percent', 12),
        num(`${t('accelerationRate')} (%)`, 'percent', 12),
        num(t('medianMonths'), 'percent', 14),
      ],
      rows: o.funnel.map((c) => [
        text(String(c.cohort)),
        int(c.admitted),
        int(c.nurseryTeams),
        int(c.incorporated),
        int(c.graduated),
        int(c.accelerating),
        pct(c.incorporationRate),
        pct(c.graduationRate),
        pct(c.accelerationRate),
        dec(c.medianMonthsToGraduation),
      ]),
    },
  };
}
