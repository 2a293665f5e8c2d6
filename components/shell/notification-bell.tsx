import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { unreadCount } from '@/db/queries/accounts';

/** The bell in the header: the signed-in user's unread notifications, linking to the list. */
export async function NotificationBell({ userId }: { userId: number }) {
  const [count, t] = await Promise.all([unreadCount(getDb(), userId), getTranslations('notificationCentre')]);
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Link
      href="/notifications"
      // Opening the list marks notifications read, so it is never fetched ahead of a click.
      prefetch={false}
      className="relative inline-flex items-center rounded-md p-1.5 text-slate-700 hover:bg-slate-100"
      aria-label={count ? t('bellUnread', { count }) : t('bell')}
      data-unread={count}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count ? (
        <span
          aria-hidden="true"
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
