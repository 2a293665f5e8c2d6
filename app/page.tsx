import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/authz';
import { homeFor, roleMayOpen, safeCallbackPath } from '@/lib/roles';

/** Where a visitor lands: sign-in, their area, or the page they asked for before signing in. */
export default async function Home({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/login');
  const { next } = await searchParams;
  const home = homeFor(user.role);
  const target = safeCallbackPath(next, home);
  redirect(roleMayOpen(user.role, target) ? target : home);
}
