'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { notice, OutcomeMessage, useActionForm } from '@/components/forms/form-kit';
import type { ActionResult } from '@/lib/server/action';
import { deleteDraftAction, submitApplicationAction, withdrawApplicationAction } from './actions';

/** The steps are buttons, each its own action: the form runs the one it is given. */
const runStep = (step: () => Promise<ActionResult<unknown>>) => step();

const primary = 'rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60';
const secondary = 'rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60';
const danger = 'rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60';

/**
 * The steps the workflow allows this user now (the page passes only those). Withdrawing and
 * deleting ask for confirmation first; a refused submission lists every failed check.
 */
export function ApplicationSteps(props: {
  applicationId: number;
  version: number;
  refNo: string;
  allowed: { edit: boolean; submit: boolean; withdraw: boolean; delete: boolean };
  blacklisted: boolean;
}) {
  const t = useTranslations('applications.steps');
  const router = useRouter();
  const formId = useId();
  const [confirming, setConfirming] = useState<'withdraw' | 'delete' | null>(null);
  const [comment, setComment] = useState('');
  const form = useActionForm(runStep);
  const { outcome, setOutcome, pending } = form;
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const step = { applicationId: props.applicationId, version: props.version };
  const any = props.allowed.edit || props.allowed.submit || props.allowed.withdraw || props.allowed.delete;

  function run(action: () => Promise<ActionResult<unknown>>, okMessage: string, after?: () => void) {
    form.submit(
      action,
      () => {
        setOutcome(notice('ok', okMessage));
        setConfirming(null);
        if (after) after();
        else router.refresh();
      },
      (result) => {
        // One line per failed check, whatever field it belongs to.
        const details = Object.values(result.fieldErrors).flat();
        const refused = result.code === 'invalid' && details.length > 0;
        setOutcome({ kind: result.code === 'conflict' ? 'conflict' : 'error', text: refused ? t('refused') : result.message, details });
        setConfirming(null);
      },
    );
  }

  const outcomeBox = outcome ? (
    <div ref={outcomeRef} tabIndex={-1} className="mt-3 outline-none">
      <OutcomeMessage
        outcome={outcome}
        action={
          outcome.kind === 'conflict' ? (
            <button
              type="button"
              onClick={() => {
                setOutcome(null);
                router.refresh();
              }}
              className="mt-1 font-medium underline"
            >
              {t('reload')}
            </button>
          ) : null
        }
      />
    </div>
  ) : null;

  if (!any) return outcomeBox;

  if (confirming) {
    const withdraw = confirming === 'withdraw';
    return (
      <section aria-labelledby={`${formId}-confirm`} className="mt-4 space-y-3 rounded-md border border-red-200 bg-white p-4">
        <h3 id={`${formId}-confirm`} ref={confirmRef} tabIndex={-1} className="text-sm font-semibold text-slate-900 outline-none">
          {withdraw ? t('withdrawTitle', { refNo: props.refNo }) : t('deleteTitle', { refNo: props.refNo })}
        </h3>
        <p className="text-sm text-slate-800">{withdraw ? t('withdrawBody') : t('deleteBody')}</p>
        {withdraw ? (
          <div>
            <label htmlFor={`${formId}-comment`} className="block text-sm font-medium text-slate-800">
              {t('withdrawComment')}
            </label>
            <textarea
              id={`${formId}-comment`}
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
            />
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            disabled={pending}
            className={danger}
            onClick={() =>
              withdraw
                ? run(() => withdrawApplicationAction({ ...step, comment }), t('withdrawn'))
                : run(
                    () => deleteDraftAction(step),
                    t('deleted'),
                    () => router.push('/operator/applications'),
                  )
            }
          >
            {pending ? t('working') : withdraw ? t('withdrawConfirm') : t('deleteConfirm')}
          </button>
          <button type="button" disabled={pending} className={secondary} onClick={() => setConfirming(null)}>
            {t('cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <div className="mt-4">
      <h3 className="sr-only">{t('title')}</h3>
      <div className="flex flex-wrap gap-3">
        {props.allowed.submit ? (
          <button type="button" disabled={pending} className={primary} onClick={() => run(() => submitApplicationAction(step), t('submitted'))}>
            {pending ? t('working') : t('submit')}
          </button>
        ) : null}
        {props.allowed.edit ? (
          <Link href={`/operator/applications/${props.applicationId}/edit`} className={secondary}>
            {t('edit')}
          </Link>
        ) : null}
        {props.allowed.withdraw ? (
          <button
            type="button"
            disabled={pending}
            className={secondary}
            onClick={() => {
              setOutcome(null);
              setConfirming('withdraw');
            }}
          >
            {t('withdraw')}
          </button>
        ) : null}
        {props.allowed.delete ? (
          <button
            type="button"
            disabled={pending}
            className="rounded-md border border-red-700 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
            onClick={() => {
              setOutcome(null);
              setConfirming('delete');
            }}
          >
            {t('delete')}
          </button>
        ) : null}
      </div>
      {props.blacklisted ? <p className="mt-2 text-sm text-red-800">{t('blacklisted')}</p> : null}
      {outcomeBox}
    </div>
  );
}
