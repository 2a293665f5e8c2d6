import Link from 'next/link';

/**
 * A column header that sorts a list by its column: the link turns the order round when the column
 * is the one sorted by, and says (to screen readers too) which way it is sorted.
 */
export function SortHeader({
  label,
  active,
  dir,
  href,
  sortedLabel,
}: {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  /** The list sorted by this column, in the order the link asks for. */
  href: string;
  /** "sorted ascending" or "sorted descending", for the current order. */
  sortedLabel: string;
}) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
      {label}
      {active ? (
        <>
          <span aria-hidden="true">{dir === 'asc' ? '▲' : '▼'}</span>
          <span className="sr-only">{sortedLabel}</span>
        </>
      ) : null}
    </Link>
  );
}

/** The order a sort link asks for: the other way round on the sorted column, ascending on another. */
export const nextDir = (active: boolean, dir: 'asc' | 'desc'): 'asc' | 'desc' => (active && dir === 'asc' ? 'desc' : 'asc');
