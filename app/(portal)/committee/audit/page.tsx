import { getTranslations } from 'next-intl/server';
import { requireRole } from '@/lib/authz';
import { AuditViewer } from '../../_audit/audit-viewer';
import type { Search } from '../_ui/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function CommitteeAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('committee');
  return <AuditViewer user={user} searchParams={await searchParams} />;
}
