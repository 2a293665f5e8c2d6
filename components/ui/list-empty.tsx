import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';

/**
 * A committee list's empty state: past the last page, a link back to the first (`firstPage`);
 * otherwise whether the filters or the network itself have nothing.
 */
export function ListEmpty({
  total,
  filtered,
  firstPage,
  pageOutOfRange,
  emptyFiltered,
  empty,
}: {
  total: number;
  filtered: boolean;
  firstPage: string;
  pageOutOfRange: string;
  emptyFiltered: string;
  empty: string;
}) {
  return (
    <EmptyState>
      {total > 0 ? (
        <Link href={firstPage} className="text-brand-700 underline">
          {pageOutOfRange}
        </Link>
      ) : filtered ? (
        emptyFiltered
      ) : (
        empty
      )}
    </EmptyState>
  );
}
