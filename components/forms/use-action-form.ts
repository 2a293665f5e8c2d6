'use client';

import { useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/server/action';

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
