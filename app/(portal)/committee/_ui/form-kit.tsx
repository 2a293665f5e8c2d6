'use client';

import { useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action';

export type Errors = Record<string, string[]>;
export type Outcome = { kind: 'ok' | 'error' | 'conflict'; text: string; details: string[] };

/**
 * The state of a form that calls a server action: field errors (keys of a nested field are
 * reduced to the field's name), the outcome message, and a pending flag that also guards
 * against a second submission while the first is on its way.
 */
export function useActionForm<T>(action: (data: FormData) => Promise<ActionResult<T>>) {
  const uid = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, start] = useTransition();
  const inFlight = useRef(false);

  function submit(data: FormData, onOk?: (data: T) => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    start(async () => {
      try {
        const r = await action(data);
        if (r.ok) {
          setErrors({});
          setOutcome({ kind: 'ok', text: r.message, details: [] });
          onOk?.(r.data);
          return;
        }
        const merged: Errors = {};
        for (const [key, messages] of Object.entries(r.fieldErrors)) (merged[key.split('.')[0]!] ??= []).push(...messages);
        setErrors(merged);
        setOutcome({ kind: r.code === 'conflict' ? 'conflict' : 'error', text: r.message, details: merged._form ?? [] });
      } finally {
        inFlight.current = false;
      }
    });
  }

  const idOf = (name: string) => `${uid}-${name}`;
  const has = (name: string) => (errors[name]?.length ?? 0) > 0;
  /** The id and the ARIA attributes of the input of a field. */
  const aria = (name: string, hint = false) => ({
    id: idOf(name),
    'aria-invalid': has(name) ? true : undefined,
    'aria-describedby': [hint ? `${idOf(name)}-hint` : null, has(name) ? `${idOf(name)}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  return { errors, outcome, setOutcome, pending, submit, idOf, aria, has };
}

export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-100 disabled:text-slate-600';
export const primaryButton =
  'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60';
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
  const id = form.idOf(name);
  const messages = form.errors[name] ?? [];
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} messages={messages} />
    </div>
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-800">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
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
