'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { markAllReadAction, markReadAction } from './actions';

export function MarkAllRead() {
  const t = useTranslations('notificationCentre');
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await markAllReadAction({});
            setMessage(result.ok ? { ok: true, text: t('allRead') } : { ok: false, text: result.message });
            if (result.ok) router.refresh();
          })
        }
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {t('markAllRead')}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-emerald-800' : 'text-red-800'}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/** Marks one notification read; the button's accessible name says which. */
export function MarkRead({ notificationId, label }: { notificationId: number; label: string }) {
  const t = useTranslations('hygiene');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="flex flex-col items-end">
      <button
        type="button"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          start(async () => {
            const result = await markReadAction({ notificationId });
            setError(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          })
        }
        className="whitespace-nowrap rounded border border-slate-400 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {t('markRead')}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
