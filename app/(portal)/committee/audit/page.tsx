import { getTranslations } from 'next-intl/server';
import { requireRole } from '@/lib/server/authz';
import { AuditViewer } from '@/components/audit/audit-viewer';
import type { Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function CommitteeAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('committee');
  return <AuditViewer user={user} searchParams={await searchParams} />;
}
