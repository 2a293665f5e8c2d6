import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('forbiddenTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('forbiddenBody')}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        {t('backHome')}
      </Link>
    </main>
  );
}
