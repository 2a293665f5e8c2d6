'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { resetSecondFactorAction } from '../actions';
import { ConfirmedStep } from './account-controls';

/** Resetting a user's second factor (after a confirmation), e.g. when their phone is lost. */
export function SecondFactorControl({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations('twoFactor.admin');
  const router = useRouter();
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-3">
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('done')}
        </p>
      ) : null}
      <ConfirmedStep
        action={resetSecondFactorAction}
        userId={userId}
        openLabel={t('button')}
        question={t('confirmTitle', { name })}
        explanation={t('confirmText')}
        confirmLabel={t('confirm')}
        danger
        onDone={() => {
          setDone(true);
          router.refresh();
        }}
      />
    </div>
  );
}
