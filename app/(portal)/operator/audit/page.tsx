import { getTranslations } from 'next-intl/server';
import { requireRole } from '@/lib/authz';
import { AuditViewer } from '../../_audit/audit-viewer';
import type { Search } from '../../committee/_ui/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function OperatorAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('operator');
  return <AuditViewer user={user} searchParams={await searchParams} />;
}
