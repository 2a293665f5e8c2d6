'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { dangerButton, Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { rejectGraduationAction, verifyGraduationAction } from './actions';

/**
 * The committee's decision on one pending graduation: verify, or reject with a reason. Both
 * send the venture's version the page was loaded with; a change made meanwhile is a conflict.
 */
export function DecisionForms({ graduationId, ventureVersion, ventureName }: { graduationId: number; ventureVersion: number; ventureName: string }) {
  const t = useTranslations('graduationReview');
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  // The decided graduation leaves a filtered list; the page says what happened instead.
  const announce = (decided: 'verified' | 'rejected') => {
    const q = new URLSearchParams(search.toString());
    q.set('decided', decided);
    router.replace(`${pathname}?${q.toString()}`, { scroll: false });
    router.refresh();
  };
  const verify = useActionForm(verifyGraduationAction);
  const reject = useActionForm(rejectGraduationAction);
  const busy = verify.pending || reject.pending;
  return (
    <div className="space-y-4">
      <form
        aria-label={t('verifyFor', { name: ventureName })}
        onSubmit={(e) => {
          e.preventDefault();
          verify.submit(new FormData(e.currentTarget), () => {
            verify.setOutcome({ kind: 'ok', text: t('verified'), details: [] });
            announce('verified');
          });
        }}
      >
        <input type="hidden" name="graduationId" value={graduationId} />
        <input type="hidden" name="ventureVersion" value={ventureVersion} />
        <button type="submit" disabled={busy} className={primaryButton}>
          {verify.pending ? t('verifying') : t('verify')}
        </button>
        <div className="mt-2">
          <OutcomeMessage outcome={verify.outcome} />
        </div>
      </form>
      <form
        noValidate
        aria-label={t('rejectFor', { name: ventureName })}
        className="space-y-2 border-t border-slate-200 pt-3"
        onSubmit={(e) => {
          e.preventDefault();
          reject.submit(new FormData(e.currentTarget), () => {
            reject.setOutcome({ kind: 'ok', text: t('rejected'), details: [] });
            announce('rejected');
          });
        }}
      >
        <input type="hidden" name="graduationId" value={graduationId} />
        <input type="hidden" name="ventureVersion" value={ventureVersion} />
        <Field form={reject} name="reason" label={t('rejectReason')} hint={t('rejectHint')}>
          <textarea name="reason" rows={3} maxLength={2000} required className={inputClass} {...reject.aria('reason', true)} />
        </Field>
        <button type="submit" disabled={busy} className={dangerButton}>
          {reject.pending ? t('rejecting') : t('reject')}
        </button>
        <OutcomeMessage outcome={reject.outcome} />
      </form>
    </div>
  );
}
