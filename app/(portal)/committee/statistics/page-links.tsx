import Link from 'next/link';
import { pageCount } from '@/lib/paging';
import { hrefWith } from '@/lib/search-params';

/**
 * Previous / next links for one of several tables on a page: each table pages through its own
 * search param, and the links keep every other param, so each view can be bookmarked.
 */
export function PageLinks({
  basePath,
  params,
  param,
  page,
  pageSize,
  total,
  text,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  param: string;
  page: number;
  pageSize: number;
  total: number;
  text: { label: string; status: string; previous: string; next: string };
}) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const href = (p: number) => hrefWith(basePath, { ...params, [param]: p > 1 ? String(p) : undefined });
  const link = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100';
  const off = 'rounded-md border border-slate-200 px-3 py-1.5 text-slate-500';
  return (
    <nav aria-label={text.label} className="mt-3 flex items-center justify-between text-sm text-slate-700 print:hidden">
      <span>{text.status}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev" scroll={false}>
            {text.previous}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {text.previous}
          </span>
        )}
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next" scroll={false}>
            {text.next}
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            {text.next}
          </span>
        )}
      </span>
    </nav>
  );
}

/** The page of a table from its search param, clamped to the pages there are. */
export function pageFrom(value: string | undefined, total: number, pageSize: number): number {
  const n = Number(value);
  const wanted = Number.isInteger(n) && n >= 1 ? n : 1;
  return Math.min(wanted, pageCount(total, pageSize));
}
