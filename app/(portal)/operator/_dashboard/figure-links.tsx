import Link from 'next/link';

export type FigureLink = { key: string; label: string; value: string; hint?: string; href?: string; tone?: 'alert' | 'warn' | 'plain' };

const TONE = { alert: 'text-red-800', warn: 'text-amber-800', plain: 'text-slate-900' } as const;

/**
 * Key figures as cards; each one that stands for a list links to that list, filtered, so
 * that the number can be followed to the records behind it.
 */
export function FigureLinks({ figures }: { figures: FigureLink[] }) {
  const card = 'block h-full rounded-lg border bg-white p-4 shadow-sm';
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      {figures.map((f) => {
        const body = (
          <>
            <span className="block text-sm text-slate-600">{f.label}</span>
            <span className={`mt-1 block text-2xl font-semibold tabular-nums ${TONE[f.tone ?? 'plain']}`}>{f.value}</span>
            {f.hint ? <span className="mt-1 block text-xs text-slate-600">{f.hint}</span> : null}
          </>
        );
        return (
          <li key={f.key}>
            {f.href ? (
              <Link href={f.href} className={`${card} border-slate-200 hover:border-brand-600 hover:bg-brand-50`}>
                {body}
              </Link>
            ) : (
              <div className={`${card} border-slate-200`}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
