import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { StaySummary } from './stay-summary';

type Stay = React.ComponentProps<typeof StaySummary>['stay'] & { ventureId: number };

/** A page acting on one open stay: its header with the way back, the stay's summary, and the form. */
export function StayFrame({
  title,
  subtitle,
  backLabel,
  stay,
  carrierName,
  children,
}: {
  title: string;
  subtitle: string;
  backLabel: string;
  stay: Stay;
  carrierName: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={
          <Link href={`/operator/ventures/${stay.ventureId}`} className="text-sm font-medium text-brand-700 underline hover:text-brand-800">
            {backLabel}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <StaySummary stay={stay} carrierName={carrierName} />
        <div className="lg:col-span-2">{children}</div>
      </div>
    </>
  );
}
