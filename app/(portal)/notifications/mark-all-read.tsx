'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { notice, useActionForm } from '@/components/forms/form-kit';
import { markAllReadAction, markReadAction } from './actions';

export function MarkAllRead() {
  const t = useTranslations('notificationCentre');
  const router = useRouter();
  const form = useActionForm(markAllReadAction);
  const message = form.outcome;
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={form.pending}
        onClick={() =>
          form.submit({}, () => {
            form.setOutcome(notice('ok', t('allRead')));
            router.refresh();
          })
        }
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {t('markAllRead')}
      </button>
      {message ? (
        <p role={message.kind === 'ok' ? 'status' : 'alert'} className={`text-sm ${message.kind === 'ok' ? 'text-emerald-800' : 'text-red-800'}`}>
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
  const form = useActionForm(markReadAction);
  const error = form.outcome?.kind === 'ok' ? null : form.outcome?.text;
  return (
    <span className="flex flex-col items-end">
      <button
        type="button"
        disabled={form.pending}
        aria-label={label}
        onClick={() => form.submit({ notificationId }, () => router.refresh())}
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
