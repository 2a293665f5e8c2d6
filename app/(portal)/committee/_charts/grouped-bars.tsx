'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type BarSeries = { key: string; name: string; color: string };
export type BarDatum = Record<string, string | number | null>;

const formatter = (decimals: number) => (v: unknown) =>
  typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals }) : String(v ?? '—');

/**
 * Grouped (or stacked) bars for the dashboard, with a label read by screen readers; the
 * figures themselves are in the data table beside each chart.
 */
export function GroupedBars({
  label,
  data,
  xKey,
  series,
  unit,
  decimals = 0,
  height = 260,
  horizontal = false,
  empty,
}: {
  label: string;
  data: BarDatum[];
  xKey: string;
  series: BarSeries[];
  unit?: string;
  decimals?: number;
  height?: number;
  horizontal?: boolean;
  empty: string;
}) {
  const format = formatter(decimals);
  const hasData = data.some((d) => series.some((s) => typeof d[s.key] === 'number' && d[s.key] !== 0));
  if (!hasData) {
    return (
      <div role="img" aria-label={label} className="flex items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600" style={{ height }}>
        {empty}
      </div>
    );
  }
  return (
    <div role="img" aria-label={unit ? `${label} (${unit})` : label} className="w-full">
      {unit ? (
        <p aria-hidden className="mb-1 text-xs text-slate-600">
          {unit}
        </p>
      ) : null}
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 16, bottom: 4, left: horizontal ? 8 : 4 }}
            barCategoryGap="20%"
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />
            {horizontal ? (
              <>
                <XAxis type="number" tickFormatter={format} tick={{ fill: '#475569', fontSize: 12 }} stroke="#cbd5e1" />
                <YAxis type="category" dataKey={xKey} width={104} tick={{ fill: '#334155', fontSize: 12 }} stroke="#cbd5e1" />
              </>
            ) : (
              <>
                <XAxis dataKey={xKey} tick={{ fill: '#334155', fontSize: 12 }} stroke="#cbd5e1" interval={0} />
                <YAxis tickFormatter={format} tick={{ fill: '#475569', fontSize: 12 }} stroke="#cbd5e1" width={64} />
              </>
            )}
            <Tooltip formatter={(v) => format(v)} cursor={{ fill: '#f1f5f9' }} contentStyle={{ borderRadius: 6, borderColor: '#cbd5e1', fontSize: 13 }} />
            <Legend
              wrapperStyle={{ fontSize: 12, color: '#334155' }}
              iconType="square"
              itemSorter={null}
              formatter={(value) => <span style={{ color: '#334155' }}>{value}</span>}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
                maxBarSize={36}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
