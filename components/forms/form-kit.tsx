'use client';

import { FormField } from '@/components/forms/field';
import { submitButtonClass } from '@/components/forms/submit-bar';
import type { Errors, Outcome } from '@/components/forms/use-action-form';

export { useActionForm, type Errors, type Outcome } from '@/components/forms/use-action-form';

export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-100 disabled:text-slate-600';
export const primaryButton = submitButtonClass;
export const dangerButton =
  'rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60';
export const secondaryButton =
  'rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60';

/** A field's label, its input (given), a hint and its errors, linked by ids. */
export function Field({
  form,
  name,
  label,
  hint,
  children,
  className = '',
}: {
  form: { idOf: (n: string) => string; errors: Errors };
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <FormField controlId={form.idOf(name)} label={label} hint={hint} error={(form.errors[name] ?? []).join(' ')} className={className}>
      {children}
    </FormField>
  );
}

/** The outcome of the last submission: announced politely on success, assertively otherwise. */
export function OutcomeMessage({ outcome, action }: { outcome: Outcome | null; action?: React.ReactNode }) {
  if (!outcome) return null;
  if (outcome.kind === 'ok') {
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        {outcome.text}
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{outcome.text}</p>
      {outcome.details.length ? (
        <ul className="mt-1 list-disc pl-5">
          {outcome.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {action}
    </div>
  );
}
