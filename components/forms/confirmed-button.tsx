'use client';

import { useState } from 'react';
import type { ActionResult } from '@/lib/server/action';
import { dangerButton, primaryButton, secondaryButton } from './classes';
import { OutcomeMessage } from './field';
import { useActionForm } from './use-action-form';
import { useHydrated } from './use-hydrated';

/**
 * A button that first asks: the question (with its own confirm and cancel buttons) replaces it,
 * and only the confirmation calls the server with `fields`. A refusal is shown above it; what a
 * success means is the caller's to say (`onDone`).
 */
export function ConfirmedButton<T>({
  action,
  fields,
  openLabel,
  openAriaLabel,
  question,
  explanation,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  danger = true,
  roomy = false,
  onDone,
}: {
  action: (data: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  openLabel: string;
  openAriaLabel?: string;
  question: string;
  explanation?: string;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  /** The confirm button is red (the default) or the primary colour. */
  danger?: boolean;
  /** More room around the question (a page of a few large controls). */
  roomy?: boolean;
  onDone: (data: T) => void;
}) {
  const hydrated = useHydrated();
  const form = useActionForm<T, FormData>(action);
  const [asking, setAsking] = useState(false);

  function confirm() {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    form.submit(data, (r) => {
      setAsking(false);
      onDone(r);
    });
  }

  return (
    <div className={roomy ? 'space-y-3' : 'space-y-2'}>
      {form.outcome?.kind !== 'ok' ? <OutcomeMessage outcome={form.outcome} /> : null}
      {asking ? (
        <div
          role="group"
          aria-labelledby={form.idOf('question')}
          className={`rounded-md border border-amber-300 bg-amber-50 text-sm text-amber-950 ${roomy ? 'p-4' : 'p-3'}`}
        >
          <p id={form.idOf('question')} className="font-medium">
            {question}
          </p>
          {explanation ? <p className="mt-1">{explanation}</p> : null}
          <div className={`flex flex-wrap ${roomy ? 'mt-3 gap-3' : 'mt-2 gap-2'}`}>
            <button type="button" onClick={confirm} disabled={!hydrated || form.pending} className={danger ? dangerButton : primaryButton}>
              {form.pending ? pendingLabel : confirmLabel}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={form.pending} className={secondaryButton}>
              {cancelLabel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)} disabled={!hydrated} aria-label={openAriaLabel} className={secondaryButton}>
          {openLabel}
        </button>
      )}
    </div>
  );
}
