'use client';

import { useTranslations } from 'next-intl';

/**
 * A generated password, shown once right after it was made: it is held only in the page's
 * memory and gone when the page is left or reloaded.
 */
export function OneTimePassword({ heading, password, children }: { heading: string; password: string; children?: React.ReactNode }) {
  const t = useTranslations('accounts.oneTime');
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      <p className="font-medium">{heading}</p>
      <p className="mt-2">
        {t('label')}:{' '}
        <code data-testid="one-time-password" className="rounded bg-white px-2 py-1 font-mono text-base tracking-wide text-slate-900 select-all">
          {password}
        </code>
      </p>
      <p className="mt-2">{t('once')}</p>
      {children ? <div className="mt-3 flex flex-wrap gap-4">{children}</div> : null}
    </div>
  );
}
