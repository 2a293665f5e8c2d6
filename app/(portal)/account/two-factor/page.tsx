import QRCode from 'qrcode';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { secondFactorStatus } from '@/db/queries/accounts';
import { requireEnrolling } from '@/lib/server/authz';
import { formatDate } from '@/lib/format';
import { roleRequiresSecondFactor } from '@/lib/roles';
import { PENDING_ENROLMENT_MINUTES, signPendingEnrolment } from '@/lib/second-factor-enrolment';
import { groupedSecret, newTotpSecret, otpauthUri } from '@/lib/totp';
import { EnrolForm, RegenerateForm } from './two-factor-forms';

export async function generateMetadata() {
  return { title: (await getTranslations('twoFactor'))('title') };
}

/**
 * Each user's second factor: enrolment (a fresh secret as QR code and as text, confirmed with
 * a current code), then its status and new recovery codes. The one page, beside the password
 * page, open to a user whose role requires a second factor they have not enrolled.
 */
export default async function TwoFactorPage() {
  const user = await requireEnrolling();
  const [t, status] = await Promise.all([getTranslations('twoFactor'), secondFactorStatus(getDb(), user.id)]);
  const header = <PageHeader title={t('title')} subtitle={t('subtitle', { email: user.email })} />;

  if (status.enabledAt) {
    return (
      <>
        {header}
        <Card className="max-w-xl">
          <p className="text-sm text-slate-800">{t('enabled', { date: formatDate(status.enabledAt) })}</p>
          <p className="mt-1 text-sm text-slate-700">{t('recoveryLeft', { count: status.recoveryCodesLeft })}</p>
          <h2 className="mt-5 mb-2 text-base font-semibold text-slate-900">{t('regenerate.heading')}</h2>
          <p className="mb-3 text-sm text-slate-700">{t('regenerate.text')}</p>
          <RegenerateForm />
        </Card>
      </>
    );
  }

  // The secret is made afresh for each showing and travels signed in the form until confirmed.
  const secret = newTotpSecret();
  const pending = signPendingEnrolment(user.id, secret, new Date());
  // Inline SVG markup (no script, no external image), allowed by the Content-Security-Policy.
  const qr = await QRCode.toString(otpauthUri(secret, user.email), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return (
    <>
      {header}
      <p role="note" className="mb-4 max-w-xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        {roleRequiresSecondFactor(user.role) ? t('required') : t('optional')}
      </p>
      <Card className="max-w-xl" title={t('enrol.heading')}>
        <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-800">
          <li>
            {t('enrol.step1')}
            <div role="img" aria-label={t('enrol.qrLabel')} className="mt-2 h-48 w-48 border border-slate-200" dangerouslySetInnerHTML={{ __html: qr }} />
          </li>
          <li>
            {t('enrol.step2')}
            <p className="mt-1">
              <span className="text-slate-600">{t('enrol.secret')}: </span>
              <code data-testid="totp-secret" data-secret={secret} className="rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider">
                {groupedSecret(secret)}
              </code>
            </p>
          </li>
          <li>{t('enrol.step3')}</li>
        </ol>
        <p className="mt-3 text-xs text-slate-600">{t('enrol.expires', { minutes: PENDING_ENROLMENT_MINUTES })}</p>
        <div className="mt-4">
          <EnrolForm pending={pending} />
        </div>
      </Card>
    </>
  );
}
