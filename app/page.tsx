import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/server/authz';
import { env } from '@/lib/env';
import { returnPathFor } from '@/lib/return-path';

/** Where a visitor lands: sign-in, their area, or the page they asked for before signing in. */
export default async function Home({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const user = await currentUser();
  if (!user) redirect('/login');
  const { next } = await searchParams;
  redirect(returnPathFor(user.role, next, env.siteOrigin));
}
