'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmedButton } from '@/components/forms/confirmed-button';
import { useHydrated } from '@/components/forms/use-hydrated';
import { notice, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { endUserSessionsAction, resetPasswordAction, setAccountActiveAction } from '../actions';
import { OneTimePassword } from '../one-time-password';

/** A confirmed step on the account in the page (its id goes with the fields). */
export function ConfirmedStep<T>({
  userId,
  fields = {},
  ...rest
}: Omit<React.ComponentProps<typeof ConfirmedButton<T>>, 'fields' | 'pendingLabel' | 'cancelLabel' | 'roomy'> & {
  userId: number;
  fields?: Record<string, string>;
}) {
  const t = useTranslations('accounts.status');
  return <ConfirmedButton {...rest} fields={{ userId: String(userId), ...fields }} pendingLabel={t('pending')} cancelLabel={t('cancel')} roomy />;
}

/** Deactivating (after a confirmation) or reactivating an account. */
export function AccessControl({ userId, name, active, self }: { userId: number; name: string; active: boolean; self: boolean }) {
  const t = useTranslations('accounts.status');
  const router = useRouter();
  const hydrated = useHydrated();
  const tGrants = useTranslations('rightsGrants');
  const reactivate = useActionForm<{ changed: boolean; pending?: boolean }>(setAccountActiveAction);
  const [done, setDone] = useState<string | null>(null);

  const doneNotice = <OutcomeMessage outcome={done ? notice('ok', done) : null} />;

  if (!active) {
    return (
      <div className="space-y-3">
        {doneNotice}
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
      {doneNotice}
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
      <OutcomeMessage outcome={done ? notice('ok', done) : null} />
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
