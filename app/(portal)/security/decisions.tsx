'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import { dangerButton, Field, inputClass, OutcomeMessage, primaryButton, secondaryButton, useActionForm } from '@/components/forms/form-kit';
import { approveGrantAction, rejectGrantAction, releaseThrottleAction } from './actions';

/** Approving or rejecting (with a reason) one pending grant, each after a confirmation. */
export function GrantDecision({ grantId, name }: { grantId: number; name: string }) {
  const t = useTranslations('securityAdmin.grants');
  const router = useRouter();
  const hydrated = useHydrated();
  const approve = useActionForm(approveGrantAction);
  const reject = useActionForm(rejectGrantAction);
  const [asking, setAsking] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const pending = approve.pending || reject.pending;
  const form = asking === 'reject' ? reject : approve;

  function confirm() {
    const data = new FormData();
    data.set('grantId', String(grantId));
    if (asking === 'reject') data.set('reason', reason);
    form.submit(data, () => {
      setAsking(null);
      router.refresh();
    });
  }

  if (!asking) {
    return (
      <div className="space-y-2">
        <OutcomeMessage outcome={approve.outcome ?? reject.outcome} />
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={!hydrated} onClick={() => setAsking('approve')} className={primaryButton}>
            {t('approve')}
          </button>
          <button type="button" disabled={!hydrated} onClick={() => setAsking('reject')} className={secondaryButton}>
            {t('reject')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div role="group" aria-labelledby={form.idOf('question')} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <OutcomeMessage outcome={form.outcome?.kind === 'ok' ? null : form.outcome} />
      <p id={form.idOf('question')} className="font-medium">
        {asking === 'approve' ? t('confirmApprove', { name }) : t('confirmReject', { name })}
      </p>
      <p>{asking === 'approve' ? t('confirmApproveText') : t('confirmRejectText')}</p>
      {asking === 'reject' ? (
        <Field form={reject} name="reason" label={t('reason')}>
          <textarea
            {...reject.aria('reason')}
            name="reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
          />
        </Field>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={confirm} disabled={!hydrated || pending} className={asking === 'reject' ? dangerButton : primaryButton}>
          {pending ? t('pending') : asking === 'reject' ? t('reject') : t('approve')}
        </button>
        <button type="button" onClick={() => setAsking(null)} disabled={pending} className={secondaryButton}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** Releasing a locked or slowed sign-in key. */
export function ReleaseThrottle({ throttleKey, subject }: { throttleKey: string; subject: string }) {
  const t = useTranslations('securityAdmin.throttle');
  const router = useRouter();
  const hydrated = useHydrated();
  const release = useActionForm(releaseThrottleAction);
  return (
    <div className="space-y-1">
      <OutcomeMessage outcome={release.outcome?.kind === 'ok' ? null : release.outcome} />
      <button
        type="button"
        aria-label={t('releaseLabel', { subject })}
        disabled={!hydrated || release.pending}
        className={secondaryButton}
        onClick={() => {
          const data = new FormData();
          data.set('key', throttleKey);
          release.submit(data, () => router.refresh());
        }}
      >
        {t('release')}
      </button>
    </div>
  );
}
