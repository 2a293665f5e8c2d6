'use client';

import { useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/server/action';
import { inputClass } from './classes';

/** A form's field errors by field name (the keys of a nested field reduced to the field's name). */
export type Errors = Record<string, string[]>;

/**
 * What the last submission of a form said, derived from an ActionResult (outcomeOf): `ok` and
 * `info` (nothing to save) are announced politely, `error` and `conflict` (someone else saved
 * first) as an alert, with the form-wide messages (`_form`) as details.
 */
export type Outcome = { kind: 'ok' | 'info' | 'error' | 'conflict'; text: string; details: string[] };

/** By default a nested key belongs to its top-level field: `talentFlags.0` to `talentFlags`. */
const topLevel = (key: string) => key.split('.')[0]!;

/** The field errors of an ActionResult, by the field each key belongs to (`fieldOf`). */
export function errorsOf(result: ActionResult<unknown>, fieldOf: (key: string) => string = topLevel): Errors {
  const merged: Errors = {};
  if (!result.ok) for (const [key, messages] of Object.entries(result.fieldErrors)) (merged[fieldOf(key)] ??= []).push(...messages);
  return merged;
}

/** The outcome of a server action's result, or of a route handler answering with the same shape. */
export function outcomeOf(result: ActionResult<unknown>): Outcome {
  if (result.ok) return { kind: 'ok', text: result.message, details: [] };
  return { kind: result.code === 'conflict' ? 'conflict' : 'error', text: result.message, details: result.fieldErrors._form ?? [] };
}

/** An outcome the form states itself (a success worded by the page, nothing to save, a local refusal). */
export const notice = (kind: Outcome['kind'], text: string): Outcome => ({ kind, text, details: [] });

/**
 * A pending flag for work started from the browser (a server action, signing in or out) that
 * also refuses a second start while the first is on its way.
 */
export function usePending() {
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  function start(work: () => Promise<unknown> | void) {
    if (inFlight.current) return;
    inFlight.current = true;
    startTransition(async () => {
      try {
        await work();
      } finally {
        inFlight.current = false;
      }
    });
  }
  return { pending, start };
}

/**
 * The state of a form that calls a server action: field errors, the outcome notice and a pending
 * flag that guards against a second submission. `submit` takes the action's input (FormData or
 * an object); `onOk` runs with the data of a success, `onFail` with a failure's result.
 * `fieldOf` names the field an error key belongs to, for forms whose rows are fields of their own
 * (`indicators.2.unit`).
 */
export function useActionForm<T, I = FormData | Record<string, unknown>>(
  action: (input: I) => Promise<ActionResult<T>>,
  { fieldOf }: { fieldOf?: (key: string) => string } = {},
) {
  const uid = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { pending, start } = usePending();

  function submit(input: I, onOk?: (data: T, result: ActionResult<T> & { ok: true }) => void, onFail?: (result: ActionResult<T> & { ok: false }) => void) {
    start(async () => {
      const r = await action(input);
      setErrors(errorsOf(r, fieldOf));
      setOutcome(outcomeOf(r));
      if (r.ok) onOk?.(r.data, r);
      else onFail?.(r);
    });
  }

  function reset() {
    setErrors({});
    setOutcome(null);
  }

  const idOf = (name: string) => `${uid}-${name}`;
  const has = (name: string) => (errors[name]?.length ?? 0) > 0;
  /** The id and the ARIA attributes of the control of a field (its hint and error ids as Field renders them). */
  const aria = (name: string, hint = false) => ({
    id: idOf(name),
    'aria-invalid': has(name) ? true : undefined,
    'aria-describedby': [hint ? `${idOf(name)}-hint` : null, has(name) ? `${idOf(name)}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  /** Everything a control of the kit's look needs: name, id, ARIA and class (`className` extends the class). */
  const control = (name: string, opts: { hint?: boolean; className?: string } = {}) => ({
    ...aria(name, opts.hint),
    name,
    className: opts.className ? `${inputClass} ${opts.className}` : inputClass,
  });
  return { errors, setErrors, outcome, setOutcome, pending, start, submit, reset, idOf, aria, control, has };
}

/** The part of a form that its fields need, for components that render some of a form's fields. */
export type ActionForm = Pick<ReturnType<typeof useActionForm>, 'errors' | 'idOf' | 'aria' | 'control' | 'has'>;
