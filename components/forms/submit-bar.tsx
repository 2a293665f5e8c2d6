'use client';

import type { Outcome } from './use-action-form';
import { useHydrated } from './use-hydrated';

import { submitButtonClass } from './classes';

export { submitButtonClass };

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

/**
 * The submit button of a form handled in the browser (disabled until the page is interactive,
 * and while saving), with the save's outcome beside it (`ok` and `info` polite, the rest an alert). The status region is always rendered,
 * so that screen readers announce what appears in it.
 */
export function SubmitBar({
  pending,
  label,
  pendingLabel,
  outcome,
  disabled = false,
  className = '',
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  outcome: Outcome | null;
  disabled?: boolean;
  className?: string;
}) {
  const hydrated = useHydrated();
  return (
    <div className={`flex flex-wrap items-center gap-4 ${className}`.trim()}>
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} disabled={!hydrated || disabled} />
      <p role="status" className={`text-sm ${outcome?.kind === 'ok' ? 'text-emerald-800' : 'text-slate-700'}`}>
        {outcome?.kind === 'ok' || outcome?.kind === 'info' ? outcome.text : ''}
      </p>
      {outcome?.kind === 'error' || outcome?.kind === 'conflict' ? (
        <p role="alert" className="text-sm text-red-700">
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
