'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { ActionResult } from '@/lib/server/action';
import { dangerButton, OutcomeMessage, secondaryButton, useActionForm } from '@/components/forms/form-kit';
import { endOtherSessionsAction, endSessionAction } from './actions';

/**
 * A button that first asks: the question (with its own confirm and cancel buttons) replaces it,
 * and only the confirmation calls the server.
 */
export function ConfirmedButton<T>({
  action,
  fields,
  openLabel,
  openAriaLabel,
  question,
  explanation,
  confirmLabel,
  onDone,
}: {
  action: (data: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  openLabel: string;
  openAriaLabel?: string;
  question: string;
  explanation?: string;
  confirmLabel: string;
  onDone: (data: T) => void;
}) {
  const t = useTranslations('sessions');
  const hydrated = useHydrated();
  const form = useActionForm<T, FormData>(action);
  const [asking, setAsking] = useState(false);

  function confirm() {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    form.submit(data, (r) => {
      setAsking(false);
      onDone(r);
    });
  }

  return (
    <div className="space-y-2">
      {form.outcome?.kind !== 'ok' ? <OutcomeMessage outcome={form.outcome} /> : null}
      {asking ? (
        <div role="group" aria-labelledby={form.idOf('question')} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p id={form.idOf('question')} className="font-medium">
            {question}
          </p>
          {explanation ? <p className="mt-1">{explanation}</p> : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" onClick={confirm} disabled={!hydrated || form.pending} className={dangerButton}>
              {form.pending ? t('pending') : confirmLabel}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={form.pending} className={secondaryButton}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={!hydrated} aria-label={openAriaLabel} className={secondaryButton}>
          {openLabel}
        </button>
      )}
    </div>
  );
}

function Done({ text }: { text: string | null }) {
  return text ? (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
      {text}
    </p>
  ) : null;
}

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
      <Done text={done} />
      <ConfirmedButton
        action={endOtherSessionsAction}
        fields={{}}
        openLabel={t('endOthers')}
        question={t('confirmOthers')}
        explanation={t('confirmEndText')}
        confirmLabel={t('confirm')}
        onDone={(r) => {
          setDone(t('othersEnded', { count: r.ended }));
          router.refresh();
        }}
      />
    </div>
  );
}
