'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FieldError } from '@/components/forms/field';
import { useHydrated } from '@/components/forms/use-hydrated';
import { ROLES, type Role } from '@/lib/roles';
import { Field, inputClass, OutcomeMessage, primaryButton, useActionForm } from '@/components/forms/form-kit';
import { createAccountAction, updateAccountAction } from './actions';
import { OneTimePassword } from './one-time-password';

export type CarrierChoice = { id: number; name: string; status: 'active' | 'suspended' | 'closed' };
export type AccountValues = { name: string; email: string; role: Role; carrierIds: number[] };

/**
 * Creating or editing an account. Carriers are offered for operators only. After creation the
 * one-time password is shown once in place of the form; on a refusal what was typed stays.
 */
export function AccountForm({ initial, carriers, userId, version }: { initial: AccountValues; carriers: CarrierChoice[]; userId?: number; version?: string }) {
  const t = useTranslations('accounts.form');
  const tOnce = useTranslations('accounts.oneTime');
  const tDetail = useTranslations('accounts.detail');
  const tRoles = useTranslations('roles');
  const tCarrierStatus = useTranslations('glossary.carrierStatus');
  const router = useRouter();
  const hydrated = useHydrated();
  const editing = userId !== undefined;
  const tGrants = useTranslations('rightsGrants');
  const form = useActionForm<{ userId?: number; password?: string; version?: string; rightsPending?: boolean; rightsRequested?: boolean }>(
    editing ? updateAccountAction : createAccountAction,
  );
  const [role, setRole] = useState<Role>(initial.role);
  const [created, setCreated] = useState<{ userId: number; password: string; name: string; rightsPending: boolean } | null>(null);

  if (created) {
    return (
      <OneTimePassword heading={tOnce('created', { name: created.name })} password={created.password}>
        {created.rightsPending ? <p className="w-full">{tGrants('requested')}</p> : null}
        <Link href={`/admin/users/${created.userId}`} className="font-medium text-brand-700 underline">
          {tOnce('openAccount')}
        </Link>
        <Link href="/admin/users/new" onClick={() => setCreated(null)} className="font-medium text-brand-700 underline">
          {tOnce('createAnother')}
        </Link>
      </OneTimePassword>
    );
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    form.submit(data, (r) => {
      if (!editing && r.userId && r.password) setCreated({ userId: r.userId, password: r.password, name, rightsPending: !!r.rightsPending });
      else {
        form.setOutcome({ kind: 'ok', text: r.rightsRequested ? `${t('saved')} ${tGrants('requested')}` : t('saved'), details: [] });
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('label')} className="space-y-5">
      <OutcomeMessage
        outcome={form.outcome}
        action={
          form.outcome?.kind === 'conflict' ? (
            <button type="button" onClick={() => window.location.reload()} className="mt-2 font-medium underline">
              {tDetail('conflictReload')}
            </button>
          ) : null
        }
      />
      {editing ? (
        <>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field form={form} name="name" label={t('name')}>
          <input name="name" defaultValue={initial.name} maxLength={100} required autoComplete="off" className={inputClass} {...form.aria('name')} />
        </Field>
        <Field form={form} name="email" label={t('email')} hint={t('emailHint')}>
          <input
            name="email"
            type="email"
            defaultValue={initial.email}
            maxLength={254}
            required
            autoComplete="off"
            className={inputClass}
            {...form.aria('email', true)}
          />
        </Field>
        <Field form={form} name="role" label={t('role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass} {...form.aria('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {role === 'operator' ? (
        <fieldset
          aria-describedby={[`${form.idOf('carrierIds')}-hint`, form.has('carrierIds') ? `${form.idOf('carrierIds')}-error` : null].filter(Boolean).join(' ')}
        >
          <legend className="text-sm font-medium text-slate-800">{t('carriers')}</legend>
          <p id={`${form.idOf('carrierIds')}-hint`} className="mt-1 text-sm text-slate-600">
            {t('carriersHint')}
          </p>
          {carriers.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t('noCarriers')}</p>
          ) : (
            <div className="mt-2 grid max-h-72 gap-x-6 gap-y-2 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
              {carriers.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="carrierIds" value={c.id} defaultChecked={initial.carrierIds.includes(c.id)} className="h-4 w-4" />
                  <span>
                    {c.name}
                    {c.status !== 'active' ? <span className="ml-1 text-slate-600">{t('carrierStatusNote', { status: tCarrierStatus(c.status) })}</span> : null}
                  </span>
                </label>
              ))}
            </div>
          )}
          <FieldError id={`${form.idOf('carrierIds')}-error`}>{(form.errors.carrierIds ?? []).join(' ')}</FieldError>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">{t('carriersOther')}</p>
      )}
      <button type="submit" disabled={!hydrated || form.pending} className={primaryButton}>
        {form.pending ? t('pending') : editing ? t('save') : t('create')}
      </button>
    </form>
  );
}
