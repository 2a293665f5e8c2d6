'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AcceptForm, ReturnForm } from './accept-step';
import { DecideForm } from './decide-step';
import { InspectForm } from './inspect-step';
import { PayForm } from './pay-step';
import { ReviewForm } from './review-step';
import type { Done, StepContext } from './step-frame';

export type { StepContext } from './step-frame';
export type CommitteeStep = 'accept' | 'return' | 'review' | 'approve' | 'reject' | 'pay' | 'inspect';

/**
 * The forms of the steps this user may take now, and the last step's outcome. After a step
 * the page is read again, so the forms that follow are those of the application's new state.
 */
export function StepForms({ ctx, allowed, emptyText }: { ctx: StepContext; allowed: CommitteeStep[]; emptyText: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const onDone: Done = (message) => {
    setDone(message);
    router.refresh();
  };
  const has = (s: CommitteeStep) => allowed.includes(s);
  return (
    <div className="space-y-6">
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {done}
        </p>
      ) : null}
      {allowed.length === 0 ? <p className="text-sm text-slate-600">{emptyText}</p> : null}
      {has('accept') ? <AcceptForm ctx={ctx} onDone={onDone} /> : null}
      {has('return') ? <ReturnForm ctx={ctx} onDone={onDone} /> : null}
      {has('review') ? <ReviewForm ctx={ctx} onDone={onDone} /> : null}
      {has('approve') || has('reject') ? <DecideForm ctx={ctx} onDone={onDone} canApprove={has('approve')} canReject={has('reject')} /> : null}
      {has('pay') ? <PayForm ctx={ctx} onDone={onDone} /> : null}
      {has('inspect') ? <InspectForm ctx={ctx} onDone={onDone} /> : null}
    </div>
  );
}
