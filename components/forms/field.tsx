import type { Errors, Outcome } from './use-action-form';

export const labelClass = 'block text-sm font-medium text-slate-800';

export const errorIdOf = (controlId: string) => `${controlId}-error`;
export const hintIdOf = (controlId: string) => `${controlId}-hint`;

/** An error under a field or a group of fields; nothing when there is no message. */
export function FieldError({ id, announce = false, children }: { id: string; announce?: boolean; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role={announce ? 'alert' : undefined} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/**
 * A labelled form field of a form built with useActionForm: the label, the control (given, with
 * `{...form.aria(name, hint)}`), a hint read with the control and the field's errors tied to it
 * (aria-invalid, aria-describedby `${id}-hint` and `${id}-error`). `label={null}` leaves the label
 * to the control (a group of checkboxes with its own legend).
 */
export function Field({
  form,
  name,
  label,
  hint,
  className,
  firstError = false,
  announce = false,
  children,
}: {
  form: { idOf: (name: string) => string; errors: Errors };
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  className?: string;
  /** Only the first message (a blank date is "required", not also "not a date"). */
  firstError?: boolean;
  /** The error is announced as an alert (a form that shows no outcome notice beside field errors). */
  announce?: boolean;
  children: React.ReactNode;
}) {
  const controlId = form.idOf(name);
  return (
    <div className={className || undefined}>
      {label === null ? null : (
        <label htmlFor={controlId} className={labelClass}>
          {label}
        </label>
      )}
      {children}
      {hint ? (
        <p id={hintIdOf(controlId)} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorIdOf(controlId)} announce={announce}>
        {(firstError ? (form.errors[name] ?? []).slice(0, 1) : (form.errors[name] ?? [])).join(' ') || null}
      </FieldError>
    </div>
  );
}

/**
 * The outcome of the last submission: announced politely on success (with `children`, e.g. the
 * warnings recorded with it), assertively otherwise (with the form-wide details and `action`).
 */
export function OutcomeMessage({ outcome, action, children }: { outcome: Outcome | null; action?: React.ReactNode; children?: React.ReactNode }) {
  if (!outcome) return null;
  if (outcome.kind === 'ok' || outcome.kind === 'info') {
    return (
      <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        <p className={children ? 'font-medium' : undefined}>{outcome.text}</p>
        {children}
      </div>
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
