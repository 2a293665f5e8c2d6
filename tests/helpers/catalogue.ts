import fs from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { MESSAGE_FILES } from '@/lib/i18n/files';
import type { Locale } from '@/lib/i18n/config';

/** Every message file of a language, merged, as the app loads them. */
export function catalogueOf(locale: Locale): Record<string, unknown> {
  const dir = path.join(import.meta.dirname, '../../messages', locale);
  return Object.assign({}, ...MESSAGE_FILES.map((f) => JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8'))));
}

/** next-intl's own translator over the whole catalogue of a language. */
export const translatorOf = (locale: Locale) => createTranslator({ locale, messages: catalogueOf(locale) });
