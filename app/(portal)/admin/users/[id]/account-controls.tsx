'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { ActionResult } from '@/lib/server/action';
import { dangerButton, OutcomeMessage, primaryButton, secondaryButton, useActionForm } from '@/components/forms/form-kit';
import { endUserSessionsAction, resetPasswordAction, setAccountActiveAction } from '../actions';
import { OneTimePassword } from '../one-time-password';

/**
 * A step that needs confirming: the first button only opens the question, the second one
 * (in the question) calls the server.
 */
export function ConfirmedStep<T>({
  action,
  userId,
  fields = {},
  openLabel,
  question,
  explanation,
  confirmLabel,
  danger,
  onDone,
}: {
  action: (data: FormData) => Promise<ActionResult<T>>;
  userId: number;
  fields?: Record<string, string>;
  openLabel: string;
  question: string;
  explanation?: string;
  confirmLabel: string;
  danger: boolean;
  onDone: (data: T) => void;
}) {
  const t = useTranslations('accounts.status');
  const hydrated = useHydrated();
  const form = useActionForm<T, FormData>(action);
  const [asking, setAsking] = useState(false);

  function confirm() {
    const data = new FormData();
    data.set('userId', String(userId));
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    form.submit(data, (r) => {
      setAsking(false);
      onDone(r);
    });
  }

  return (
    <div className="space-y-3">
      {form.outcome?.kind !== 'ok' ? <OutcomeMessage outcome={form.outcome} /> : null}
      {asking ? (
        <div role="group" aria-labelledby={form.idOf('question')} className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p id={form.idOf('question')} className="font-medium">
            {question}
          </p>
          {explanation ? <p className="mt-1">{explanation}</p> : null}
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" onClick={confirm} disabled={!hydrated || form.pending} className={danger ? dangerButton : primaryButton}>
              {form.pending ? t('pending') : confirmLabel}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={form.pending} className={secondaryButton}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={!hydrated} className={secondaryButton}>
          {openLabel}
        </button>
      )}
    </div>
  );
}

/** Deactivating (after a confirmation) or reactivating an account. */
export function AccessControl({ userId, name, active, self }: { userId: number; name: string; active: boolean; self: boolean }) {
  const t = useTranslations('accounts.status');
  const router = useRouter();
  const hydrated = useHydrated();
  const tGrants = useTranslations('rightsGrants');
  const reactivate = useActionForm<{ changed: boolean; pending?: boolean }>(setAccountActiveAction);
  const [done, setDone] = useState<string | null>(null);

  const notice = done ? (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
      {done}
    </p>
  ) : null;

  if (!active) {
    return (
      <div className="space-y-3">
        {notice}
        <OutcomeMessage outcome={reactivate.outcome?.kind === 'ok' ? null : reactivate.outcome} />
        <button
          type="button"
          disabled={!hydrated || reactivate.pending}
          className={primaryButton}
          onClick={() => {
            const data = new FormData();
            data.set('userId', String(userId));
            data.set('active', 'true');
            reactivate.submit(data, (r) => {
              setDone(r.pending ? tGrants('requested') : t('reactivated'));
              router.refresh();
            });
          }}
        >
          {reactivate.pending ? t('pending') : t('reactivate')}
        </button>
      </div>
    );
  }
  if (self) return <p className="text-sm text-slate-600">{t('self')}</p>;
  return (
    <div className="space-y-3">
      {notice}
      <ConfirmedStep
        action={setAccountActiveAction}
        userId={userId}
        fields={{ active: 'false' }}
        openLabel={t('deactivate')}
        question={t('confirmTitle', { name })}
        explanation={t('confirmText')}
        confirmLabel={t('confirm')}
        danger
        onDone={() => {
          setDone(t('deactivated'));
          router.refresh();
        }}
      />
    </div>
  );
}

/** Resetting the password (after a confirmation); the new one-time password is shown once. */
export function ResetControl({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations('accounts.reset');
  const tOnce = useTranslations('accounts.oneTime');
  const router = useRouter();
  const [password, setPassword] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {password ? <OneTimePassword heading={tOnce('reset', { name })} password={password} /> : null}
      <ConfirmedStep
        action={resetPasswordAction}
        userId={userId}
        openLabel={t('button')}
        question={t('confirmTitle', { name })}
        confirmLabel={t('confirm')}
        danger={false}
        onDone={(r) => {
          setPassword(r.password);
          router.refresh();
        }}
      />
    </div>
  );
}

/** Ends every session of the account (after a confirmation). */
export function EndSessionsControl({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations('sessions.admin');
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {done}
        </p>
      ) : null}
      <ConfirmedStep
        action={endUserSessionsAction}
        userId={userId}
        openLabel={t('endAll')}
        question={t('confirmAll', { name })}
        explanation={t('confirmAllText')}
        confirmLabel={t('confirmAllButton')}
        danger
        onDone={(r) => {
          setDone(t('allEnded', { count: r.ended }));
          router.refresh();
        }}
      />
    </div>
  );
}
