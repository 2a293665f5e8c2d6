import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';
import type { LimitAlertRow } from '@/db/queries/ventures';
import type { AdmissionWarningRow, MissingReportRow } from '@/db/queries/network';
import { localName } from '@/lib/display-format';
import { formatDate } from '@/lib/format';

/** A carrier as the committee's carrier pages name it: in English on English pages when it has an English name. */
const carrierLink = (locale: string) =>
  function CarrierLink(r: { carrierId: number; carrierName: string; carrierNameEn: string | null }) {
    return (
      <Link href={`/committee/carriers/${r.carrierId}`} className="text-brand-700 hover:underline">
        {localName(locale, { name: r.carrierName, nameEn: r.carrierNameEn })}
      </Link>
    );
  };

const code = (c: string | null) => <span className="font-mono text-xs">{c ?? '—'}</span>;

export async function AdmissionTable({ rows, caption }: { rows: AdmissionWarningRow[]; caption: string }) {
  const [t, tw] = await Promise.all([getTranslations('networkWarnings'), getTranslations('ventures.ruleWarnings')]);
  return (
    <DataTable<AdmissionWarningRow>
      caption={caption}
      rows={rows}
      rowKey={(r) => r.residencyId}
      columns={[
        { key: 'carrier', header: t('carrier'), cell: carrierLink(await getLocale()) },
        { key: 'venture', header: t('venture'), cell: (r) => <span className="font-medium text-slate-900">{r.ventureName}</span> },
        { key: 'code', header: t('creditCode'), cell: (r) => code(r.creditCode) },
        { key: 'founded', header: t('foundedOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.foundedOn)}</span> },
        { key: 'entered', header: t('enteredOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.enteredOn)}</span> },
        {
          key: 'warnings',
          header: t('warnings'),
          cell: (r) => (
            <span className="flex flex-wrap gap-1">
              {r.warnings.map((w) => (
                <Badge key={w} tone="warn">
                  {tw.has(w) ? tw(w) : w}
                </Badge>
              ))}
            </span>
          ),
        },
      ]}
    />
  );
}

export async function OverdueTable({ rows, caption }: { rows: LimitAlertRow[]; caption: string }) {
  const [t, ti] = await Promise.all([getTranslations('networkWarnings'), getTranslations('industries')]);
  return (
    <DataTable<LimitAlertRow>
      caption={caption}
      rows={rows}
      rowKey={(r) => `${r.ventureId}-${r.carrierId}`}
      columns={[
        { key: 'carrier', header: t('carrier'), cell: carrierLink(await getLocale()) },
        {
          key: 'venture',
          header: t('venture'),
          cell: (r) => (
            <>
              <div className="font-medium text-slate-900">{r.ventureName}</div>
              <div className="text-xs text-slate-600">{ti(r.industry)}</div>
            </>
          ),
        },
        { key: 'code', header: t('creditCode'), cell: (r) => code(r.creditCode) },
        { key: 'started', header: t('startedOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.incubationStartedOn)}</span> },
        { key: 'limit', header: t('limit'), cell: (r) => t('limitMonths', { months: r.limitMonths }) },
        { key: 'ends', header: t('endsOn'), cell: (r) => <span className="whitespace-nowrap">{formatDate(r.endsOn)}</span> },
        { key: 'overdue', header: t('overdueBy'), numeric: true, cell: (r) => <Badge tone="bad">{t('days', { days: -r.daysLeft })}</Badge> },
      ]}
    />
  );
}

export async function MissingTable({ rows, caption }: { rows: MissingReportRow[]; caption: string }) {
  const t = await getTranslations('networkWarnings');
  return (
    <DataTable<MissingReportRow>
      caption={caption}
      rows={rows}
      rowKey={(r) => `${r.ventureId}-${r.carrierId}`}
      columns={[
        { key: 'carrier', header: t('carrier'), cell: carrierLink(await getLocale()) },
        { key: 'venture', header: t('venture'), cell: (r) => <span className="font-medium text-slate-900">{r.ventureName}</span> },
        { key: 'code', header: t('creditCode'), cell: (r) => code(r.creditCode) },
        { key: 'left', header: t('leftOn'), cell: (r) => (r.leftOn ? <span className="whitespace-nowrap">{formatDate(r.leftOn)}</span> : t('stillResident')) },
      ]}
    />
  );
}
