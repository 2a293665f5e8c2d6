import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/server/locale-action';

/** One button that switches between Chinese and English. */
export async function LanguageSwitch({ className = '' }: { className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  const other = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <form action={setLocale} className={className}>
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
