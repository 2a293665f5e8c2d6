import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { CarrierFigures } from '@/db/queries/network';

/** A carrier's warnings by kind, each linking to that warnings list narrowed to the carrier. */
export async function WarningBadges({ carrier }: { carrier: CarrierFigures & { id: number } }) {
  const t = await getTranslations('committeeCarriers');
  const items = [
    { type: 'admission', count: carrier.admissionWarnings, label: t('warningAdmission', { count: carrier.admissionWarnings }) },
    { type: 'overdue', count: carrier.overdue, label: t('warningOverdue', { count: carrier.overdue }) },
    { type: 'missing_reports', count: carrier.missingReports, label: t('warningMissing', { count: carrier.missingReports }) },
  ].filter((i) => i.count > 0);
  if (items.length === 0) return <span className="text-slate-600">{t('noWarnings')}</span>;
  return (
    <ul className="flex min-w-32 flex-wrap gap-1">
      {items.map((i) => (
        <li key={i.type}>
          <Link href={`/committee/warnings?type=${i.type}&carrier=${carrier.id}`} className="hover:underline">
            <Badge tone={i.type === 'admission' ? 'warn' : 'bad'}>{i.label}</Badge>
          </Link>
        </li>
      ))}
    </ul>
  );
}
