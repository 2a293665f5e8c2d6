'use client';

import { signOut } from 'next-auth/react';
import { usePending } from '@/components/forms/form-kit';

export function SignOutButton({ label }: { label: string }) {
  const { pending, start } = usePending();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(() => signOut({ callbackUrl: '/login' }))}
      className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
