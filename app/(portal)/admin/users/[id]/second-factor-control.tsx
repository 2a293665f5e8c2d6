'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { notice, OutcomeMessage } from '@/components/forms/form-kit';
import { resetSecondFactorAction } from '../actions';
import { ConfirmedStep } from './account-controls';

/** Resetting a user's second factor (after a confirmation), e.g. when their phone is lost. */
export function SecondFactorControl({ userId, name }: { userId: number; name: string }) {
  const t = useTranslations('twoFactor.admin');
  const router = useRouter();
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-3">
      <OutcomeMessage outcome={done ? notice('ok', t('done')) : null} />
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
