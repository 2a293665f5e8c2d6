import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './config';

/** The language is the user's choice, kept in a cookie; Chinese when none was made. */
export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: 'Asia/Shanghai' };
});
