import 'server-only';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit, type Actor } from '@/db/audit';
import type { Db, DbOrTx, Tx } from '../../client';
import { notifications, operatorCarriers, users } from '../../schema';

/**
 * The bell: notifications of one user, who is always the session's user (never an id from
 * the request). `kind` is a message key from the root of the catalogues (e.g.
 * `subsidyNotice.statusChanged`), `params` its parameters, `link` the page it points to.
 */
export type NotificationRow = {
  id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export async function unreadCount(db: DbOrTx, userId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function listNotifications(
  db: DbOrTx,
  userId: number,
  p: { unreadOnly?: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = and(eq(notifications.userId, userId), p.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        params: notifications.params,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Marks the given notifications of the actor read (all of them when `ids` is omitted), with one
 * audit entry naming them in the same transaction; returns how many changed (none: no entry).
 */
export async function markNotificationsRead(db: Db, actor: Actor, ids?: readonly number[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), ids ? inArray(notifications.id, [...ids]) : undefined))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (rows.length > 0) {
      await writeAudit(tx, actor, {
        action: 'notification.read',
        entity: 'notification',
        entityId: rows.length === 1 ? rows[0]!.id : null,
        before: { readAt: null },
        after: { ids: rows.map((r) => r.id), readAt: rows[0]!.readAt },
      });
    }
    return rows.length;
  });
}

export type Notice = { kind: string; params: Record<string, string | number>; link: string | null };

/** One notification to every active operator of the carrier, in one statement. */
export async function notifyCarrierOperators(tx: Tx, carrierId: number, n: Notice): Promise<void> {
  await notifyOperatorsOfCarriers(tx, [{ carrierId, notice: n }]);
}

/** Several notices, each to every active operator of its carrier, in one statement for them all. */
export async function notifyOperatorsOfCarriers(tx: Tx, notices: readonly { carrierId: number; notice: Notice }[]): Promise<void> {
  if (notices.length === 0) return;
  const data = sql.join(
    notices.map(({ carrierId, notice: n }) => sql`(${carrierId}::int, ${n.kind}::text, ${JSON.stringify(n.params)}::jsonb, ${n.link}::text)`),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO ${notifications} (user_id, kind, params, link)
    SELECT oc.user_id, d.kind, d.params, d.link
    FROM (VALUES ${data}) AS d(carrier_id, kind, params, link)
    JOIN ${operatorCarriers} oc ON oc.carrier_id = d.carrier_id
    JOIN ${users} u ON u.id = oc.user_id
    WHERE u.active AND u.role = 'operator'`);
}

/** One notification to every active committee user, in one statement. */
export async function notifyCommittee(tx: Tx, n: Notice): Promise<void> {
  await tx.execute(sql`
    INSERT INTO ${notifications} (user_id, kind, params, link)
    SELECT u.id, ${n.kind}, ${JSON.stringify(n.params)}::jsonb, ${n.link}
    FROM ${users} u WHERE u.active AND u.role = 'committee'`);
}
