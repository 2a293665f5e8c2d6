import Link from 'next/link';
import { hrefWith } from '@/lib/search-params';

/**
 * A column header that sorts the list on the server: a link to the same list sorted on the
 * column, ascending first, descending when it is already ascending. The page goes back to 1.
 */
export function SortHeader({
  basePath,
  params,
  column,
  label,
  sort,
  dir,
  sortedAsc,
  sortedDesc,
  firstDir = 'asc',
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  column: string;
  label: string;
  sort: string;
  dir: 'asc' | 'desc';
  sortedAsc: string;
  sortedDesc: string;
  /** The direction of a first click (figures are most useful largest first). */
  firstDir?: 'asc' | 'desc';
}) {
  const active = sort === column;
  const next = active ? (dir === 'asc' ? 'desc' : 'asc') : firstDir;
  return (
    <Link
      href={hrefWith(basePath, { ...params, sort: column, dir: next, page: undefined })}
      className="inline-flex items-center gap-1 text-brand-700 hover:underline"
    >
      {label}
      {active ? (
        <>
          <span aria-hidden="true">{dir === 'asc' ? '▲' : '▼'}</span>
          <span className="sr-only">{dir === 'asc' ? sortedAsc : sortedDesc}</span>
        </>
      ) : null}
    </Link>
  );
}
