'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';
import type { ActionResult } from '@/lib/action';
import { parseAmountToFen, formatWan } from '@/lib/money';
import { dangerButton, Field, inputClass, OutcomeMessage, primaryButton, secondaryButton, useActionForm } from '../../_ui/form-kit';
import { acceptAction, decideAction, inspectAction, payAction, returnAction, reviewAction } from './actions';

export type StepContext = {
  applicationId: number;
  version: number;
  fundingMode: 'pre_funded' | 'post_subsidy';
  requestedFen: number;
  capFen: number;
  approvedFen: number | null;
  payableFen: number;
  today: string;
  indicators: { id: number; name: string; unit: string; targetValue: number }[];
};
export type CommitteeStep = 'accept' | 'return' | 'review' | 'approve' | 'reject' | 'pay' | 'inspect';

type Done = (message: string) => void;
type StepAction = (data: FormData) => Promise<ActionResult<unknown>>;

/**
 * The forms of the steps this user may take now, and the last step's outcome. After a step
 * the page is read again, so the forms that follow are those of the application's new state.
 */
export function StepForms({ ctx, allowed, emptyText }: { ctx: StepContext; allowed: CommitteeStep[]; emptyText: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const onDone: Done = (message) => {
    setDone(message);
    router.refresh();
  };
  const has = (s: CommitteeStep) => allowed.includes(s);
  return (
    <div className="space-y-6">
      {done ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {done}
        </p>
      ) : null}
      {allowed.length === 0 ? <p className="text-sm text-slate-600">{emptyText}</p> : null}
      {has('accept') ? <AcceptForm ctx={ctx} onDone={onDone} /> : null}
      {has('return') ? <ReturnForm ctx={ctx} onDone={onDone} /> : null}
      {has('review') ? <ReviewForm ctx={ctx} onDone={onDone} /> : null}
      {has('approve') || has('reject') ? <DecideForm ctx={ctx} onDone={onDone} canApprove={has('approve')} canReject={has('reject')} /> : null}
      {has('pay') ? <PayForm ctx={ctx} onDone={onDone} /> : null}
      {has('inspect') ? <InspectForm ctx={ctx} onDone={onDone} /> : null}
    </div>
  );
}

function useStep(action: StepAction, onDone: Done) {
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

type Step = ReturnType<typeof useStep>;

/** A step's section and form: the last outcome, the application's id and version, then the fields. */
function StepForm({
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

function StepSubmit({ step, label, className }: { step: Step; label: string; className: string }) {
  const { form, hydrated, t } = step;
  return (
    <button type="submit" disabled={!hydrated || form.pending} className={className}>
      {form.pending ? t('pending') : label}
    </button>
  );
}

/** The question asked before a step that cannot be undone, with its yes and cancel buttons. */
function ConfirmStep({
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
function AmountInput({
  form,
  name,
  label,
  hint,
  defaultValue = '',
}: {
  form: ReturnType<typeof useActionForm>;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
}) {
  const t = useTranslations('review.steps');
  const [value, setValue] = useState(defaultValue);
  const fen = value.trim() ? parseAmountToFen(value) : null;
  const wan = fen === null ? '' : t('amountWan', { amount: formatWan(fen) });
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

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

function AcceptForm({ ctx, onDone }: { ctx: StepContext; onDone: Done }) {
  const step = useStep(acceptAction, onDone);
  const { form, send, t } = step;
  return (
    <StepForm step={step} name="accept" ctx={ctx} onSubmit={send}>
      <p className="text-sm text-slate-600">{t('acceptHint')}</p>
      <Field form={form} name="comment" label={t('acceptComment')}>
        <textarea name="comment" rows={2} maxLength={2000} className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('acceptSubmit')} className={primaryButton} />
    </StepForm>
  );
}

function ReturnForm({ ctx, onDone }: { ctx: StepContext; onDone: Done }) {
  const step = useStep(returnAction, onDone);
  const { form, send, t } = step;
  return (
    <StepForm step={step} name="return" ctx={ctx} onSubmit={send}>
      <Field form={form} name="comment" label={t('returnComment')} hint={t('returnHint')}>
        <textarea name="comment" rows={3} maxLength={2000} required className={inputClass} {...form.aria('comment', true)} />
      </Field>
      <StepSubmit step={step} label={t('returnSubmit')} className={secondaryButton} />
    </StepForm>
  );
}

function ReviewForm({ ctx, onDone }: { ctx: StepContext; onDone: Done }) {
  const step = useStep(reviewAction, onDone);
  const { form, send, t } = step;
  const tr = useTranslations('review');
  return (
    <StepForm step={step} name="review" ctx={ctx} onSubmit={send}>
      <Field form={form} name="score" label={t('score')}>
        <input name="score" type="number" min={0} max={100} step={1} required className={`${inputClass} max-w-32`} {...form.aria('score')} />
      </Field>
      <Field form={form} name="recommendation" label={t('recommendation')}>
        <select name="recommendation" defaultValue="fund" className={inputClass} {...form.aria('recommendation')}>
          {(['fund', 'fund_reduced', 'reject'] as const).map((r) => (
            <option key={r} value={r}>
              {tr(`recommendations.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <AmountInput form={form} name="recommendedFen" label={t('recommendedAmount')} />
      <Field form={form} name="comment" label={t('reviewComment')}>
        <textarea name="comment" rows={3} maxLength={4000} className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('reviewSubmit')} className={primaryButton} />
    </StepForm>
  );
}

function DecideForm({ ctx, onDone, canApprove, canReject }: { ctx: StepContext; onDone: Done; canApprove: boolean; canReject: boolean }) {
  const step = useStep(decideAction, onDone);
  const { form, send, t } = step;
  const [decision, setDecision] = useState<'approve' | 'reject'>(canApprove ? 'approve' : 'reject');
  const [confirming, setConfirming] = useState<FormData | null>(null);
  return (
    <StepForm
      step={step}
      name="decide"
      ctx={ctx}
      onSubmit={(data) => {
        if (decision === 'reject') setConfirming(data);
        else send(data);
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('decision')}</legend>
        <div className="mt-2 flex gap-4">
          {canApprove ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="decision" value="approve" checked={decision === 'approve'} onChange={() => setDecision('approve')} className="h-4 w-4" />
              {t('approve')}
            </label>
          ) : null}
          {canReject ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="decision"
                value="reject"
                checked={decision === 'reject'}
                onChange={() => {
                  setDecision('reject');
                  setConfirming(null);
                }}
                className="h-4 w-4"
              />
              {t('reject')}
            </label>
          ) : null}
        </div>
      </fieldset>
      <div hidden={decision !== 'approve'} className="space-y-3">
        <AmountInput
          form={form}
          name="approvedFen"
          label={t('approvedAmount')}
          hint={t('approvedHint', { requested: formatWan(ctx.requestedFen), cap: formatWan(ctx.capFen) })}
        />
        <Field form={form} name="inspectionDueOn" label={t('inspectionDueOn')}>
          <input name="inspectionDueOn" type="date" min={ctx.today} className={inputClass} {...form.aria('inspectionDueOn')} />
        </Field>
        <Field form={form} name="comment" label={t('decisionComment')}>
          <textarea name="comment" rows={2} maxLength={2000} className={inputClass} {...form.aria('comment')} />
        </Field>
      </div>
      <div hidden={decision !== 'reject'}>
        <Field form={form} name="reason" label={t('rejectReason')}>
          <textarea name="reason" rows={3} maxLength={2000} className={inputClass} {...form.aria('reason')} />
        </Field>
      </div>
      {confirming ? (
        <ConfirmStep
          step={step}
          name="confirm-reject"
          text={t('confirmReject')}
          yes={form.pending ? t('pending') : t('confirmRejectYes')}
          yesClass={dangerButton}
          onYes={() => send(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <StepSubmit step={step} label={decision === 'reject' ? t('rejectSubmit') : t('approveSubmit')} className={decision === 'reject' ? dangerButton : primaryButton} />
      )}
    </StepForm>
  );
}

function PayForm({ ctx, onDone }: { ctx: StepContext; onDone: Done }) {
  const step = useStep(payAction, onDone);
  const { form, send, t } = step;
  const [confirming, setConfirming] = useState<FormData | null>(null);
  const amountOf = (data: FormData) => parseAmountToFen(String(data.get('amountFen') ?? ''));
  return (
    <StepForm step={step} name="pay" ctx={ctx} onSubmit={setConfirming}>
      <AmountInput form={form} name="amountFen" label={t('payAmount')} hint={t('payHint', { payable: formatWan(ctx.payableFen) })} defaultValue={yuan(ctx.payableFen)} />
      <Field form={form} name="paidOn" label={t('paidOn')}>
        <input name="paidOn" type="date" max={ctx.today} defaultValue={ctx.today} className={inputClass} {...form.aria('paidOn')} />
      </Field>
      <Field form={form} name="voucherNo" label={t('voucherNo')}>
        <input name="voucherNo" maxLength={60} autoComplete="off" className={inputClass} {...form.aria('voucherNo')} />
      </Field>
      {confirming ? (
        <ConfirmStep
          step={step}
          name="confirm-pay"
          text={t('confirmPay', {
            amount: (() => {
              const fen = amountOf(confirming);
              return fen === null ? String(confirming.get('amountFen') ?? '') : formatWan(fen);
            })(),
            voucher: String(confirming.get('voucherNo') ?? ''),
          })}
          yes={t('confirmPayYes')}
          yesClass={primaryButton}
          onYes={() => {
            send(confirming);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <StepSubmit step={step} label={t('paySubmit')} className={primaryButton} />
      )}
    </StepForm>
  );
}

function InspectForm({ ctx, onDone }: { ctx: StepContext; onDone: Done }) {
  const step = useStep(inspectAction, onDone);
  const { form, send, t } = step;
  const [passed, setPassed] = useState<'true' | 'false'>('true');
  const postSubsidy = ctx.fundingMode === 'post_subsidy';
  return (
    <StepForm step={step} name="inspect" ctx={ctx} onSubmit={send}>
      {ctx.indicators.map((i) => (
        <div key={i.id} className="rounded border border-slate-100 p-2">
          <Field form={form} name={`actual_${i.id}`} label={t('actualValue', { name: i.name, unit: i.unit, target: i.targetValue })}>
            <input name={`actual_${i.id}`} inputMode="decimal" className={inputClass} {...form.aria(`actual_${i.id}`)} />
          </Field>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name={`met_${i.id}`} value="true" className="h-4 w-4" />
            {t('indicatorPassed', { name: i.name })}
          </label>
        </div>
      ))}
      {form.errors.actuals?.length ? (
        <ul className="text-sm text-red-800">
          {form.errors.actuals.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('result')}</legend>
        <div className="mt-2 flex gap-4">
          {(['true', 'false'] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input type="radio" name="passed" value={v} checked={passed === v} onChange={() => setPassed(v)} className="h-4 w-4" />
              {v === 'true' ? t('pass') : t('fail')}
            </label>
          ))}
        </div>
      </fieldset>
      {postSubsidy && passed === 'true' ? (
        <AmountInput
          form={form}
          name="finalFen"
          label={t('finalAmount')}
          hint={t('finalHint', { approved: formatWan(ctx.approvedFen ?? 0) })}
          defaultValue={ctx.approvedFen ? yuan(ctx.approvedFen) : ''}
        />
      ) : null}
      <Field form={form} name="comment" label={t('inspectComment')}>
        <textarea name="comment" rows={3} maxLength={4000} required className={inputClass} {...form.aria('comment')} />
      </Field>
      <StepSubmit step={step} label={t('inspectSubmit')} className={passed === 'false' ? dangerButton : primaryButton} />
    </StepForm>
  );
}
