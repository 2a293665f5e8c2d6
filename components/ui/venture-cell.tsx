import Link from 'next/link';

/** A venture in a table of the operator's: its name, linking to its page, and its credit code below. */
export function VentureCell({ id, name, creditCode }: { id: number; name: string; creditCode: string | null }) {
  return (
    <>
      <Link href={`/operator/ventures/${id}`} className="font-medium text-brand-700 hover:underline">
        {name}
      </Link>
      {creditCode ? <div className="font-mono text-xs text-slate-600">{creditCode}</div> : null}
    </>
  );
}
