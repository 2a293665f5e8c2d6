import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageCount } from '@/lib/paging';

/** Previous / next links that keep the other search params, so every page can be bookmarked. */
export async function Pagination({
  basePath,
  params,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = await getTranslations('common');
  const pages = pageCount(total, pageSize);
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set('page', String(p));
    return `${basePath}?${q.toString()}`;
  };
  const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100';
  const disabledClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-slate-500';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center justify-between text-sm text-slate-700">
      <span>{t('pageOf', { page, pages, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            {t('previous')}
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            {t('previous')}
          </span>
        )}
        {page < pages ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            {t('next')}
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            {t('next')}
          </span>
        )}
      </span>
    </nav>
  );
}
