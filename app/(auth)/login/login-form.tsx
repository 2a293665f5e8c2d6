'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { usePending } from '@/components/forms/form-kit';

type Labels = {
  title: string;
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  invalidEmail: string;
  required: string;
  unexpected: string;
  throttled: string;
  slowed: string;
  demoTitle: string;
  demoHint: string;
  demoSecret?: string;
  code: string;
  codeHint: string;
  codeStepTitle: string;
  codeStepText: string;
  codeRequired: string;
  codeInvalid: string;
  codeThrottled: string;
  back: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The message for next-auth's error code: wrong credentials, a lock, a slowdown, or anything else. */
function formError(code: string | null | undefined, labels: Labels): string {
  if (!code || code === 'CredentialsSignin') return labels.invalid;
  if (code === 'throttled') return labels.throttled;
  if (code === 'codeThrottled') return labels.codeThrottled;
  return code === 'slowed' ? labels.slowed : labels.unexpected;
}

export function LoginForm({
  next,
  labels,
  demoAccounts,
  demoPassword,
}: {
  next: string;
  labels: Labels;
  demoAccounts: { email: string; label: string }[];
  demoPassword?: string;
}) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The second step: shown when the account has a second factor; email and password stay in state.
  const [codeStep, setCodeStep] = useState(false);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; code?: string; form?: string }>({});
  // Signing in goes through next-auth, not a server action: only the kit's pending flag applies.
  const { pending, start } = usePending();
  const id = useId();
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (codeStep) codeInput.current?.focus();
  }, [codeStep]);

  function backToFirstStep() {
    setCodeStep(false);
    setCode('');
    setPassword('');
    setErrors({});
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const fieldErrors = {
      email: EMAIL.test(email.trim()) ? undefined : labels.invalidEmail,
      password: password ? undefined : labels.required,
      code: codeStep && !code.trim() ? labels.codeRequired : undefined,
    };
    setErrors(fieldErrors);
    if (fieldErrors.email || fieldErrors.password || fieldErrors.code) return;
    start(async () => {
      try {
        const res = await signIn('credentials', { email: email.trim(), password, ...(codeStep ? { code: code.trim() } : {}), redirect: false });
        if (!res || res.error) {
          if (res?.error === 'codeRequired') {
            setCodeStep(true);
            setErrors(codeStep ? { code: labels.codeRequired } : {});
          } else if (res?.error === 'codeInvalid') {
            setCode('');
            setErrors({ code: labels.codeInvalid });
          } else {
            // Wrong password or a locked account: back to the first step.
            if (res?.error !== 'codeThrottled') setCodeStep(false);
            setErrors({ form: formError(res?.error, labels) });
          }
          return;
        }
        router.replace(next ? `/?next=${encodeURIComponent(next)}` : '/');
        router.refresh();
      } catch {
        setErrors({ form: labels.unexpected });
      }
    });
  }

  const input = 'mt-1 block w-full rounded-md border px-3 py-2 text-sm';
  return (
    <>
      <form onSubmit={submit} method="post" noValidate aria-label={labels.title} className="space-y-4">
        {errors.form ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {errors.form}
          </p>
        ) : null}
        {codeStep ? (
          <div role="group" aria-labelledby={`${id}-code-step`} className="space-y-3">
            <div>
              <h2 id={`${id}-code-step`} className="text-base font-semibold text-slate-900">
                {labels.codeStepTitle}
              </h2>
              <p className="text-sm text-slate-700">{labels.codeStepText.replace('{email}', email.trim())}</p>
            </div>
            <div>
              <label htmlFor={`${id}-code`} className="text-sm font-medium text-slate-800">
                {labels.code}
              </label>
              <p id={`${id}-code-hint`} className="text-xs text-slate-600">
                {labels.codeHint}
              </p>
              <input
                ref={codeInput}
                id={`${id}-code`}
                name="code"
                type="text"
                inputMode="text"
                autoComplete="one-time-code"
                autoCapitalize="off"
                spellCheck={false}
                maxLength={20}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-invalid={errors.code ? true : undefined}
                aria-describedby={errors.code ? `${id}-code-hint ${id}-code-error` : `${id}-code-hint`}
                className={`${input} font-mono tracking-widest ${errors.code ? 'border-red-500' : 'border-slate-300'}`}
              />
              {errors.code ? (
                <p id={`${id}-code-error`} role="alert" className="mt-1 text-sm text-red-700">
                  {errors.code}
                </p>
              ) : null}
            </div>
            <button type="button" onClick={backToFirstStep} className="text-sm text-brand-700 underline">
              {labels.back}
            </button>
          </div>
        ) : null}
        <div hidden={codeStep}>
          <label htmlFor={`${id}-email`} className="text-sm font-medium text-slate-800">
            {labels.email}
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
            className={`${input} ${errors.email ? 'border-red-500' : 'border-slate-300'}`}
          />
          {errors.email ? (
            <p id={`${id}-email-error`} className="mt-1 text-sm text-red-700">
              {errors.email}
            </p>
          ) : null}
        </div>
        <div hidden={codeStep}>
          <label htmlFor={`${id}-password`} className="text-sm font-medium text-slate-800">
            {labels.password}
          </label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-error` : undefined}
            className={`${input} ${errors.password ? 'border-red-500' : 'border-slate-300'}`}
          />
          {errors.password ? (
            <p id={`${id}-password-error`} className="mt-1 text-sm text-red-700">
              {errors.password}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? labels.submitting : labels.submit}
        </button>
      </form>
      {demoAccounts.length > 0 && demoPassword ? (
        <section aria-labelledby={`${id}-demo`} className="mt-8 border-t border-slate-200 pt-5">
          <h2 id={`${id}-demo`} className="text-sm font-semibold text-slate-800">
            {labels.demoTitle}
          </h2>
          <p className="mt-1 mb-3 text-xs text-slate-600">{labels.demoHint}</p>
          {labels.demoSecret ? <p className="mb-3 text-xs text-slate-600">{labels.demoSecret}</p> : null}
          <ul className="space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(a.email);
                    setPassword(demoPassword);
                    setCodeStep(false);
                    setCode('');
                    setErrors({});
                  }}
                  className="flex w-full justify-between rounded-md px-2 py-1.5 text-left text-sm hover:bg-brand-50"
                >
                  <span className="font-mono text-slate-800">{a.email}</span>
                  <span className="text-slate-600">{a.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
