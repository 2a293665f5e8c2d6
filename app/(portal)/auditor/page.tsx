import { getTranslations } from 'next-intl/server';
import { requireRole } from '@/lib/authz';
import { AuditViewer } from '../_audit/audit-viewer';
import type { Search } from '../committee/_ui/search-params';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

/** The audit administrator's area: the whole audit log, security events included, read only. */
export default async function AuditorHome({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('auditor');
  return <AuditViewer user={user} searchParams={await searchParams} />;
}
