import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * The not-found and forbidden pages' message. Inside the portal it sits in the layout's own
 * <main>; outside it (an unknown address, the root boundary) the page gives it the one <main>:
 * a page has exactly one main landmark.
 */
export async function StatusMessage({ kind, landmark }: { kind: 'notFound' | 'forbidden'; landmark: boolean }) {
  const t = await getTranslations('errors');
  const body = (
    <>
      <h1 className="text-2xl font-semibold">{t(`${kind}Title`)}</h1>
      <p className="mt-2 text-slate-600">{t(`${kind}Body`)}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        {t('backHome')}
      </Link>
    </>
  );
  return landmark ? (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      {body}
    </main>
  ) : (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">{body}</div>
  );
}
