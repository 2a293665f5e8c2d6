'use server';

import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';

/**
 * Remembers the chosen language for a year; the page re-renders in it. Anything but the form's
 * FormData (a server action can be called with any arguments) changes nothing.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData instanceof FormData ? formData.get('locale') : null;
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true, secure: env.secureCookies });
}
