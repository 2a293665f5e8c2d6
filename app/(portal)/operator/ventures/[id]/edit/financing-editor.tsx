'use client';

import { useTranslations, useLocale } from 'next-intl';
import { useId, useState } from 'react';
import { Field, notice, OutcomeMessage, useActionForm } from '@/components/forms/form-kit';
import { RowRemoval } from '@/components/forms/row-removal';
import { formatDate } from '@/lib/format';
import { moneyFigure } from '@/lib/money';
import { addVentureFinancing, removeVentureFinancing } from './actions';

export type FinancingRow = { id: number; receivedOn: string; amountFen: number; investor: string };
const EMPTY = { receivedOn: '', amountFen: '', investor: '' };

/**
 * The venture's financing events: add one (date, amount in yuan, investor) or remove one after
 * confirming. Each change moves the venture's version on, which the profile form shares.
 */
export function FinancingEditor({
  ventureId,
  version,
  onVersion,
  financings,
  today,
}: {
  ventureId: number;
  version: number;
  onVersion: (v: number) => void;
  financings: FinancingRow[];
  today: string;
}) {
  const locale = useLocale();
  const t = useTranslations('ventures.financing');
  const formId = useId();
  const [draft, setDraft] = useState(EMPTY);
  const form = useActionForm(addVentureFinancing);
  const removal = useActionForm(removeVentureFinancing);
  const [confirming, setConfirming] = useState<number | null>(null);
  const pending = form.pending || removal.pending;
  // One notice for the section: that of the latest change, an addition or a removal.
  const [latest, setLatest] = useState<'add' | 'remove'>('add');
  const outcome = latest === 'add' ? form.outcome : removal.outcome;
  const set = (name: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [name]: e.target.value }));

  function add(e: React.FormEvent) {
    e.preventDefault();
    form.reset();
    setLatest('add');
    form.submit({ ventureId, version, ...draft }, (data) => {
      onVersion(data.version);
      setDraft(EMPTY);
    });
  }

  function remove(financingId: number) {
    removal.reset();
    setLatest('remove');
    removal.submit(
      { ventureId, financingId, version },
      (data) => {
        removal.setOutcome(notice('ok', t('removed')));
        setConfirming(null);
        onVersion(data.version);
      },
      () => setConfirming(null),
    );
  }

  const p = (name: keyof typeof EMPTY) => form.control(name);
  const th = 'px-3 py-2 text-left font-medium text-slate-700';
  return (
    <section aria-labelledby={`${formId}-title`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${formId}-title`} className="mb-3 text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <div className="mb-3">
        <OutcomeMessage outcome={outcome} />
      </div>
      {financings.length === 0 ? (
        <p className="mb-4 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <div className="mb-4 overflow-x-auto" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t('date')}
                </th>
                <th scope="col" className={th}>
                  {t('investor')}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t('amountWan')}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {financings.map((f) => (
                <tr key={f.id}>
                  <td className="px-3 py-2">{formatDate(f.receivedOn)}</td>
                  <td className="px-3 py-2">{f.investor}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{moneyFigure(locale, f.amountFen)}</td>
                  <td className="px-3 py-2 text-right">
                    <RowRemoval
                      asking={confirming === f.id}
                      pending={pending}
                      question={t('confirmRemove', { date: formatDate(f.receivedOn), investor: f.investor })}
                      removeLabel={t('remove')}
                      removeAriaLabel={t('removeLabel', { date: formatDate(f.receivedOn), investor: f.investor })}
                      confirmLabel={t('confirm')}
                      cancelLabel={t('cancel')}
                      onAsk={() => setConfirming(f.id)}
                      onConfirm={() => remove(f.id)}
                      onCancel={() => setConfirming(null)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={add} noValidate aria-label={t('addTitle')} className="grid items-start gap-3 sm:grid-cols-[10rem_12rem_1fr_auto]">
        <Field form={form} name="receivedOn" label={t('date')} firstError>
          <input {...p('receivedOn')} type="date" max={today} value={draft.receivedOn} onChange={set('receivedOn')} />
        </Field>
        <Field form={form} name="amountFen" label={t('amountYuan')} firstError>
          <input {...p('amountFen')} inputMode="decimal" value={draft.amountFen} onChange={set('amountFen')} placeholder="1,000,000.00" />
        </Field>
        <Field form={form} name="investor" label={t('investor')} firstError>
          <input {...p('investor')} value={draft.investor} onChange={set('investor')} maxLength={200} />
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="mt-6 rounded-md border border-brand-600 bg-white px-4 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? t('adding') : t('add')}
        </button>
      </form>
    </section>
  );
}
