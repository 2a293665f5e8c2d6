'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmedButton } from '@/components/forms/confirmed-button';
import { notice, OutcomeMessage } from '@/components/forms/form-kit';
import { endOtherSessionsAction, endSessionAction } from './actions';

/** Ends one session; ending the one in use signs the user out. */
export function EndSession({ sessionId, current, label }: { sessionId: string; current: boolean; label: string }) {
  const t = useTranslations('sessions');
  const router = useRouter();
  return (
    <ConfirmedButton
      action={endSessionAction}
      fields={{ sessionId }}
      openLabel={t('end')}
      openAriaLabel={label}
      question={t('confirmEnd')}
      explanation={current ? t('confirmEndCurrent') : t('confirmEndText')}
      confirmLabel={t('confirm')}
      pendingLabel={t('pending')}
      cancelLabel={t('cancel')}
      onDone={(r) => {
        if (r.current) router.push('/login');
        else router.refresh();
      }}
    />
  );
}

export function EndOtherSessions() {
  const t = useTranslations('sessions');
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <OutcomeMessage outcome={done ? notice('ok', done) : null} />
      <ConfirmedButton
        action={endOtherSessionsAction}
        fields={{}}
        openLabel={t('endOthers')}
        question={t('confirmOthers')}
        explanation={t('confirmEndText')}
        confirmLabel={t('confirm')}
        pendingLabel={t('pending')}
        cancelLabel={t('cancel')}
        onDone={(r) => {
          setDone(t('othersEnded', { count: r.ended }));
          router.refresh();
        }}
      />
    </div>
  );
}
