import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '../i18n/config';
import { MESSAGE_FILES } from '../i18n/files';

/** Each area keeps its strings in its own file; the top-level keys of the files never overlap. */
async function loadMessages(locale: Locale) {
  const parts = await Promise.all(MESSAGE_FILES.map((f) => import(`../../messages/${locale}/${f}.json`)));
  return Object.assign({}, ...parts.map((p) => p.default));
}

/** The language is the user's choice, kept in a cookie; Chinese when none was made. */
export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: 'Asia/Shanghai' };
});
