import { DataTable } from '@/components/ui/table';
import { formatInt } from '@/lib/format';
import { formatWan, moneyFigure } from '@/lib/money';
import { hrefWith } from '@/lib/search-params';
import type { Cell, TableSpec } from '@/lib/server/exports/dashboard-tables';

/** Colours of the charts' series: this year strong, last year light, in three hues. */
export const PALETTE = {
  blue: '#1d5fbf',
  lightBlue: '#93b8ea',
  teal: '#0f766e',
  lightTeal: '#7dd3c0',
  amber: '#b45309',
  lightAmber: '#f2c48d',
  violet: '#6d28d9',
} as const;

export function cellText(c: Cell): string {
  if (c.v === null) return '—';
  if (typeof c.v === 'string') return c.v;
  switch (c.f) {
    case 'wan':
      return formatWan(c.v);
    case 'yuan':
      return moneyFigure('en', c.v);
    case 'pct':
      return `${c.v.toFixed(1)}%`;
    case 'dec':
      return c.v.toLocaleString('en-US', { maximumFractionDigits: 2 });
    default:
      return formatInt(c.v);
  }
}

/** A table of the dashboard as a DataTable. */
export function SpecTable({ spec }: { spec: TableSpec }) {
  const rows = spec.rows.map((cells, i) => ({ i, cells }));
  return (
    <DataTable
      caption={spec.caption}
      rows={rows}
      rowKey={(r) => r.i}
      columns={spec.columns.map((c, j) => ({
        key: String(j),
        header: c.heading,
        numeric: c.numeric,
        cell: (r: { cells: Cell[] }) => <span className="whitespace-nowrap">{cellText(r.cells[j]!)}</span>,
      }))}
    />
  );
}

/** A chart's data table behind a disclosure, with its .xlsx export under the page's filters. */
export function TableDetails({
  spec,
  filters,
  showLabel,
  exportLabel,
}: {
  spec: TableSpec;
  filters: Record<string, string | undefined>;
  showLabel: string;
  exportLabel: string;
}) {
  return (
    <details className="group mt-3 rounded-md border border-slate-200">
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50">
        <span>
          {showLabel}
          <span className="sr-only">: {spec.caption}</span>
        </span>
        <span aria-hidden className="text-slate-500 transition group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="border-t border-slate-200 p-2">
        <SpecTable spec={spec} />
        <ExportLink table={spec.key} filters={filters} label={exportLabel} caption={spec.caption} />
      </div>
    </details>
  );
}

export function ExportLink({ table, filters, label, caption }: { table: string; filters: Record<string, string | undefined>; label: string; caption: string }) {
  return (
    <p className="mt-2 text-right">
      <a
        href={hrefWith('/api/committee/export/dashboard', { table, ...filters })}
        download
        className="inline-block rounded-md border border-brand-600 bg-white px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        {label}
        <span className="sr-only">: {caption}</span>
      </a>
    </p>
  );
}
