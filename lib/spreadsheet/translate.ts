import type { Translate } from './sheet';

type Tree = { [k: string]: string | Tree };

/**
 * A translator over message trees, for callers without next-intl (scripts, tests): a key is
 * looked up under `validation` first, then from the root; {params} are filled in.
 */
export function catalogueTranslator(...trees: Tree[]): Translate {
  const root: Tree = Object.assign({}, ...trees);
  const get = (path: string): string | undefined => {
    let node: string | Tree | undefined = root;
    for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  return (key, params = {}) => {
    const text = get(`validation.${key}`) ?? get(key) ?? get('validation.invalid') ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** The same over next-intl's translator (`getTranslations()` without a namespace). */
export function intlTranslator(t: { (key: string, params?: Record<string, string | number>): string; has(key: string): boolean }): Translate {
  return (key, params) => {
    if (t.has(`validation.${key}`)) return t(`validation.${key}`, params);
    if (t.has(key)) return t(key, params);
    return t('validation.invalid');
  };
}
