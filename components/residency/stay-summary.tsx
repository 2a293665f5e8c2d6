import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { formatDate, formatInt } from '@/lib/format';

/** The open stay that a residency form acts on. */
export async function StaySummary({
  stay,
  carrierName,
}: {
  stay: { name: string; creditCode: string | null; stage: string; residencyStage: string; enteredOn: string; areaM2: number; workstations: number };
  carrierName: string;
}) {
  const [t, tFields, tStages] = await Promise.all([getTranslations('residency.common'), getTranslations('residency.fields'), getTranslations('stages')]);
  const rows: [string, React.ReactNode][] = [
    [tFields('name'), stay.name],
    ...(stay.creditCode
      ? [
          [
            tFields('creditCode'),
            <span key="code" className="font-mono">
              {stay.creditCode}
            </span>,
          ] as [string, React.ReactNode],
        ]
      : []),
    [tFields('carrier'), carrierName],
    [t('stage'), tStages(stay.stage)],
    [tFields('enteredOn'), formatDate(stay.enteredOn)],
    [tFields('space'), `${formatInt(stay.areaM2)} m² · ${tFields('workstations')} ${formatInt(stay.workstations)}`],
  ];
  return (
    <Card title={t('stay')} className="self-start">
      <dl className="space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
