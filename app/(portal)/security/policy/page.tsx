import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { storedSecurityPolicy } from '@/db/queries/accounts';
import { requireRole } from '@/lib/server/authz';
import { formatAt } from '@/lib/server/audit-view/labels';
import { PolicyForm } from './policy-form';

export async function generateMetadata() {
  return { title: (await getTranslations('securityAdmin.policy'))('title') };
}

/** The password and session policy, set by the security administrator. */
export default async function SecurityPolicyPage() {
  await requireRole('security');
  const [policy, t] = await Promise.all([storedSecurityPolicy(getDb()), getTranslations('securityAdmin.policy')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={t('form')}>
        <p className="mb-4 text-sm text-slate-700">
          {policy.updatedAt && policy.version > 0 ? t('lastChanged', { at: formatAt(policy.updatedAt) }) : t('never')}
        </p>
        <PolicyForm
          initial={{
            passwordComplexity: policy.passwordComplexity,
            passwordMaxAgeDays: policy.passwordMaxAgeDays,
            sessionIdleMinutes: policy.sessionIdleMinutes,
            sessionMaxHours: policy.sessionMaxHours,
            version: policy.version,
          }}
        />
      </Card>
    </>
  );
}
