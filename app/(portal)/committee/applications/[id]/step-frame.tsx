'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { ActionResult } from '@/lib/server/action';
import { moneyFigure, parseAmountToFen } from '@/lib/money';
import { Field, inputClass, OutcomeMessage, secondaryButton, useActionForm, type ActionForm } from '@/components/forms/form-kit';
import type { FundingMode } from '@/lib/domain/vocabulary';

/** What every committee step form shares: its context, its frame, submit and confirmation, amounts. */

export type StepContext = {
  applicationId: number;
  version: number;
  fundingMode: FundingMode;
  requestedFen: number;
  capFen: number;
  approvedFen: number | null;
  payableFen: number;
  today: string;
  indicators: { id: number; name: string; unit: string; targetValue: number }[];
};
export type CommitteeStep = 'accept' | 'return' | 'review' | 'approve' | 'reject' | 'pay' | 'inspect';

export type Done = (message: string) => void;
type StepAction = (data: FormData) => Promise<ActionResult<unknown>>;
export type StepProps = { ctx: StepContext; onDone: Done };

export function useStep(action: StepAction, onDone: Done) {
  const t = useTranslations('review.steps');
  const router = useRouter();
  const form = useActionForm(action);
  const hydrated = useHydrated();
  const send = (data: FormData) => form.submit(data, () => onDone(t('done')));
  const refresh =
    form.outcome?.kind === 'conflict' ? (
      <button type="button" onClick={() => router.refresh()} className="mt-2 text-sm font-medium text-red-900 underline">
        {t('refresh')}
      </button>
    ) : undefined;
  return { form, hydrated, send, refresh, t };
}

function StepSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-200 p-4">
      <h3 id={`${id}-title`} className="mb-3 text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Hidden({ ctx }: { ctx: StepContext }) {
  return (
    <>
      <input type="hidden" name="applicationId" value={ctx.applicationId} />
      <input type="hidden" name="version" value={ctx.version} />
    </>
  );
}

export type Step = ReturnType<typeof useStep>;

/** A step's section and form: the last outcome, the application's id and version, then the fields. */
export function StepForm({
  step,
  name,
  ctx,
  onSubmit,
  children,
}: {
  step: Step;
  name: 'accept' | 'return' | 'review' | 'decide' | 'pay' | 'inspect';
  ctx: StepContext;
  onSubmit: (data: FormData) => void;
  children: React.ReactNode;
}) {
  const { form, refresh, t } = step;
  return (
    <StepSection id={form.idOf(name)} title={t(name)}>
      <form
        noValidate
        aria-label={t(name)}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(new FormData(e.currentTarget));
        }}
      >
        <OutcomeMessage outcome={form.outcome} action={refresh} />
        <Hidden ctx={ctx} />
        {children}
      </form>
    </StepSection>
  );
}

export function StepSubmit({ step, label, className }: { step: Step; label: string; className: string }) {
  const { form, hydrated, t } = step;
  return (
    <button type="submit" disabled={!hydrated || form.pending} className={className}>
      {form.pending ? t('pending') : label}
    </button>
  );
}

/** The question asked before a step that cannot be undone, with its yes and cancel buttons. */
export function ConfirmStep({
  step,
  name,
  text,
  yes,
  yesClass,
  onYes,
  onCancel,
}: {
  step: Step;
  name: string;
  text: React.ReactNode;
  yes: React.ReactNode;
  yesClass: string;
  onYes: () => void;
  onCancel: () => void;
}) {
  const { form, t } = step;
  return (
    <div role="alertdialog" aria-labelledby={form.idOf(name)} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p id={form.idOf(name)} className="text-sm font-medium text-amber-900">
        {text}
      </p>
      <div className="flex gap-2">
        <button type="button" disabled={form.pending} onClick={onYes} className={yesClass} autoFocus>
          {yes}
        </button>
        <button type="button" onClick={onCancel} className={secondaryButton}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** An amount typed in yuan, with what it makes in 万元 beside it. */
export function AmountInput({
  form,
  name,
  label,
  hint,
  defaultValue = '',
}: {
  form: ActionForm;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
}) {
  const locale = useLocale();
  const t = useTranslations('review.steps');
  const [value, setValue] = useState(defaultValue);
  const fen = value.trim() ? parseAmountToFen(value) : null;
  // Typed in yuan; Chinese readers see it in 万元 too, English ones already read yuan.
  const wan = fen === null || locale === 'en' ? '' : t('amountWan', { amount: moneyFigure(locale, fen) });
  return (
    <Field form={form} name={name} label={label} hint={[hint, wan].filter(Boolean).join(' ') || undefined}>
      <input
        name={name}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className={inputClass}
        {...form.aria(name, Boolean(hint || wan))}
      />
    </Field>
  );
}

export const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
