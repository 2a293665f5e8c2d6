import { errorIdOf, errorsFor, FieldError as ErrorText, type Outcome } from '@/components/forms/field';

/** Pieces shared by the edit forms: errors next to their field, and the outcome of a save. */
export function fieldProps(formId: string, name: string, outcome: Outcome | null) {
  const invalid = errorsFor(outcome, name).length > 0;
  return {
    id: `${formId}-${name}`,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${formId}-${name}-error` : undefined,
    className: `mt-1 block w-full rounded-md border px-3 py-1.5 text-sm ${invalid ? 'border-red-600' : 'border-slate-300'}`,
  };
}

/** The first message only: a blank date is "required", not also "not a date". */
export function FieldError({ formId, name, outcome }: { formId: string; name: string; outcome: Outcome | null }) {
  return <ErrorText id={errorIdOf(`${formId}-${name}`)}>{errorsFor(outcome, name)[0]}</ErrorText>;
}

export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {outcome.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {outcome.message}
    </p>
  );
}
