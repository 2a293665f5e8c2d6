import { getTranslations } from 'next-intl/server';
import { requireRole } from '@/lib/server/authz';
import { AuditViewer } from '@/components/audit/audit-viewer';
import type { Search } from '@/lib/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

/** The audit administrator's area: the whole audit log, security events included, read only. */
export default async function AuditorHome({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('auditor');
  return <AuditViewer user={user} searchParams={await searchParams} />;
}
