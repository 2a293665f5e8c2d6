import type { ActionResult } from '@/lib/action';

/**
 * Labelled fields for the residency forms: the error sits next to its field and is tied to it
 * (aria-invalid, aria-describedby), and a hint is read with the field.
 */
export type Outcome = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> };

export function outcomeOf(result: ActionResult<unknown>): Outcome {
  return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.message, fieldErrors: result.fieldErrors };
}

/** A field's messages, including those of its items (talentFlags.0 belongs to talentFlags). */
export function errorsFor(outcome: Outcome | null, name: string): string[] {
  if (!outcome || outcome.ok || !outcome.fieldErrors) return [];
  return Object.entries(outcome.fieldErrors)
    .filter(([k]) => k === name || k.startsWith(`${name}.`))
    .flatMap(([, v]) => v);
}

export const labelClass = 'block text-sm font-medium text-slate-800';

export function controlProps(formId: string, name: string, outcome: Outcome | null, hint = false) {
  const invalid = errorsFor(outcome, name).length > 0;
  const describedBy = [invalid ? `${formId}-${name}-error` : null, hint ? `${formId}-${name}-hint` : null].filter(Boolean).join(' ');
  return {
    id: `${formId}-${name}`,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
    className: `mt-1 block w-full rounded-md border bg-white px-3 py-1.5 text-sm ${invalid ? 'border-red-600' : 'border-slate-400'}`,
  };
}

export function Field({
  formId,
  name,
  label,
  hint,
  outcome,
  children,
  className = '',
}: {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  outcome: Outcome | null;
  children: React.ReactNode;
  className?: string;
}) {
  const messages = errorsFor(outcome, name);
  return (
    <div className={className}>
      <label htmlFor={`${formId}-${name}`} className={labelClass}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${formId}-${name}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <p id={`${formId}-${name}-error`} className="mt-1 text-sm text-red-700">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function OutcomeMessage({ outcome, children }: { outcome: Outcome | null; children?: React.ReactNode }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <p className="font-medium">{outcome.message}</p>
      {children}
    </div>
  ) : (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {outcome.message}
    </p>
  );
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The rule warnings recorded with a stay, listed so that they cannot be missed. */
export function WarningList({ title, warnings }: { title: string; warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
      <p className="text-sm font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}
