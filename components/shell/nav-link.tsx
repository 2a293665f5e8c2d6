'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLink({ href, exact, children }: { href: string; exact?: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
        active ? 'bg-white text-brand-700 shadow-sm ring-1 ring-slate-200' : 'text-slate-700 hover:bg-white'
      }`}
    >
      {children}
    </Link>
  );
}
