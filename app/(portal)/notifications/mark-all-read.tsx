'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { markAllReadAction } from './actions';

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
