import type { ActionResult } from '@/lib/server/action';

/**
 * A labelled form field: the hint is read with the control, and an error sits next to it and is
 * tied to it (aria-invalid, aria-describedby `${controlId}-error`).
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

export const errorIdOf = (controlId: string) => `${controlId}-error`;
export const hintIdOf = (controlId: string) => `${controlId}-hint`;

/** The ids a control is described by, or undefined when there are none. */
export function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** The props that tie a residency-style control to its label, hint and error. */
export function controlProps(formId: string, name: string, outcome: Outcome | null, hint = false) {
  const controlId = `${formId}-${name}`;
  const invalid = errorsFor(outcome, name).length > 0;
  return {
    id: controlId,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(invalid && errorIdOf(controlId), hint && hintIdOf(controlId)),
    className: `mt-1 block w-full rounded-md border bg-white px-3 py-1.5 text-sm ${invalid ? 'border-red-600' : 'border-slate-400'}`,
  };
}

/** An error under a field; nothing when there is no message. */
export function FieldError({ id, children }: { id: string; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/** Label, control, hint and error of one field. The control carries id `controlId`. */
export function FormField({
  controlId,
  label,
  hint,
  error,
  className,
  children,
}: {
  controlId: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={controlId} className={labelClass}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintIdOf(controlId)} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorIdOf(controlId)}>{error}</FieldError>
    </div>
  );
}

/** A field of a form whose errors come in an Outcome; every message of the field is shown. */
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
  return (
    <FormField controlId={`${formId}-${name}`} label={label} hint={hint} error={errorsFor(outcome, name).join(' ')} className={className}>
      {children}
    </FormField>
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
