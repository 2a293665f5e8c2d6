'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * The signed-in header: the brand, the account's links and the role's navigation. From the lg
 * breakpoint (1024 px) all of it is shown in two rows; below it the account's links and the
 * navigation fold behind a menu button, which closes on navigation, on a link followed in it
 * and on Escape.
 */
export function PortalHeader({
  brand,
  account,
  nav,
  navLabel,
  menuLabel,
}: {
  brand: React.ReactNode;
  account: React.ReactNode;
  /** The navigation links, or null when the role has none (a held account). */
  nav: React.ReactNode | null;
  navLabel: string;
  menuLabel: string;
}) {
  const pathname = usePathname();
  // Open for the page it was opened on: a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const accountId = `${id}-account`;
  const navId = `${id}-nav`;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  /** A link followed from the open menu closes it, even one to the page already shown. */
  const closeOnLink = (e: React.MouseEvent) => {
    if ((e.target as Element).closest('a')) setOpenOn(null);
  };

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        {/* Below lg a long name wraps beside the menu button rather than pushing it to a line of its own. */}
        <div className="max-lg:min-w-0 max-lg:flex-1">{brand}</div>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={nav ? `${accountId} ${navId}` : accountId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          {menuLabel}
        </button>
        <div
          id={accountId}
          onClick={closeOnLink}
          className={`${open ? 'flex' : 'hidden'} items-center gap-3 text-sm max-lg:basis-full max-lg:flex-wrap max-lg:gap-x-4 max-lg:gap-y-2 max-lg:border-t max-lg:border-slate-100 max-lg:pt-3 lg:flex`}
        >
          {account}
        </div>
      </div>
      {nav ? (
        <nav
          id={navId}
          aria-label={navLabel}
          onClick={closeOnLink}
          className={`${open ? 'block' : 'hidden'} border-t border-slate-100 bg-slate-50/60 lg:block`}
        >
          <div className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4 py-1.5 max-lg:flex-col max-lg:py-2">{nav}</div>
        </nav>
      ) : null}
    </header>
  );
}
