'use client';

import { useTranslations } from 'next-intl';
import { useRequestId } from '@/components/ui/request-id';

/**
 * An unexpected error. The page shows the request's id and Next's digest of the error, both of
 * which the error's log line carries (lib/server/request-log.ts), so that a user can quote them.
 * After a navigation within the portal the id is that of the page first opened; the digest
 * names the failed request's line then.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  const requestId = useRequestId();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('unexpectedTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('unexpectedBody')}</p>
      {(requestId || error.digest) && (
        <dl className="mt-4 text-sm text-slate-600">
          {requestId && (
            <div>
              <dt className="inline">{t('requestId')}: </dt>
              <dd className="inline font-mono select-all" data-request-id={requestId}>
                {requestId}
              </dd>
            </div>
          )}
          {error.digest && (
            <div>
              <dt className="inline">{t('errorDigest')}: </dt>
              <dd className="inline font-mono select-all">{error.digest}</dd>
            </div>
          )}
        </dl>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        {t('retry')}
      </button>
    </main>
  );
}
