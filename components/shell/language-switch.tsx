import { getLocale, getTranslations } from 'next-intl/server';

/**
 * One button that switches between Chinese and English. The page passes the server action that
 * stores the choice (app/actions/locale.ts): components sit below the app and do not import from it.
 */
export async function LanguageSwitch({ action, className = '' }: { action: (form: FormData) => Promise<void>; className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <form action={action} className={className}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t('language')}: ${t('switchLanguage')}`}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      >
        {t('switchLanguage')}
      </button>
    </form>
  );
}
