import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { listNotifications, markNotificationsRead, unreadCount } from '@/db/queries/accounts/notifications';
import { auditLog, notifications } from '@/db/schema';
import { openTestDatabase } from '../helpers/db';
import { makeSubsidyWorld, type SubsidyWorld } from '../helpers/subsidy-fixtures';

/**
 * Reading notifications changes nothing; marking them read is the user's own act, for their own
 * notifications only, with one audit entry (docs/request-hygiene.md). The page and its buttons
 * are tested over HTTP in e2e/request-hygiene.spec.ts.
 */
let handle: DatabaseHandle;
let a: SubsidyWorld;
let b: SubsidyWorld;
beforeAll(async () => {
  handle = await openTestDatabase();
  a = await makeSubsidyWorld(handle.db);
  b = await makeSubsidyWorld(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

const deliver = async (userId: number, n: number) => {
  const rows = await handle.db
    .insert(notifications)
    .values(Array.from({ length: n }, (_, i) => ({ userId, kind: 'subsidyNotice.statusChanged', params: { refNo: `T-${i}` }, link: null })))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
};
const entries = (userId: number) =>
  handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'notification.read'), eq(auditLog.userId, userId)));

describe('notifications', () => {
  it('are listed without being marked read', async () => {
    await deliver(a.operator.userId, 3);
    for (let i = 0; i < 3; i++) await listNotifications(handle.db, a.operator.userId, { page: 1, pageSize: 20 });
    expect(await unreadCount(handle.db, a.operator.userId)).toBe(3);
    expect(await entries(a.operator.userId)).toHaveLength(0);
  });

  it('are marked read one at a time by their user, with one entry each; another user’s id changes nothing', async () => {
    const [first] = await deliver(a.operator.userId, 1);
    const before = await unreadCount(handle.db, a.operator.userId);
    expect(await markNotificationsRead(handle.db, b.operator, [first!])).toBe(0);
    expect(await unreadCount(handle.db, a.operator.userId)).toBe(before);
    expect(await entries(b.operator.userId)).toHaveLength(0);

    expect(await markNotificationsRead(handle.db, a.operator, [first!])).toBe(1);
    expect(await unreadCount(handle.db, a.operator.userId)).toBe(before - 1);
    expect(await entries(a.operator.userId)).toHaveLength(1);
    // Already read: nothing changes, no second entry.
    expect(await markNotificationsRead(handle.db, a.operator, [first!])).toBe(0);
    expect(await entries(a.operator.userId)).toHaveLength(1);
  });

  it('are marked read all at once, with one entry naming them', async () => {
    await deliver(b.operator.userId, 2);
    const unread = await unreadCount(handle.db, a.operator.userId);
    expect(await markNotificationsRead(handle.db, a.operator)).toBe(unread);
    expect(await unreadCount(handle.db, a.operator.userId)).toBe(0);
    expect(await unreadCount(handle.db, b.operator.userId)).toBe(2);
    const last = (await entries(a.operator.userId)).at(-1)!;
    expect((last.after as { ids: number[] }).ids).toHaveLength(unread);
  });
});
