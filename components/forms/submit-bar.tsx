'use client';

import { useHydrated } from './use-hydrated';

export const submitButtonClass =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60';

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  disabled = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  disabled?: boolean;
}) {
  return (
    <button type="submit" disabled={pending || disabled} className={submitButtonClass}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** What a save said: `ok` and `info` are announced politely, `error` as an alert. */
export type Notice = { kind: 'ok' | 'info' | 'error'; text: string } | null;

/**
 * The submit button of a form handled in the browser (disabled until the page is interactive,
 * and while saving), with the save's notice beside it. The status region is always rendered,
 * so that screen readers announce what appears in it.
 */
export function SubmitBar({
  pending,
  label,
  pendingLabel,
  notice,
  disabled = false,
  className = '',
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  notice: Notice;
  disabled?: boolean;
  className?: string;
}) {
  const hydrated = useHydrated();
  return (
    <div className={`flex flex-wrap items-center gap-4 ${className}`.trim()}>
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} disabled={!hydrated || disabled} />
      <p role="status" className={`text-sm ${notice?.kind === 'ok' ? 'text-emerald-800' : 'text-slate-700'}`}>
        {notice && notice.kind !== 'error' ? notice.text : ''}
      </p>
      {notice?.kind === 'error' ? (
        <p role="alert" className="text-sm text-red-700">
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
