import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { verifyAuditChain } from '@/db/audit/verify';
import { auditLog, notifications } from '@/db/schema';
import { verifyCredentials } from '@/lib/server/auth';
import { metricsText } from '@/lib/metrics';
import { openTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { signInAs, useDatabase } from '../helpers/action-harness';

/**
 * The request's id (lib/request-id.js) goes into the audit entries the request writes: a server
 * action's (through defineAction) and a sign-in's. It is inside the entry's hash when present
 * (docs/audit-chain.md): the chain verifies with it, and changing it is an alteration.
 */
const request = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('next-auth', async () => (await import('../helpers/action-harness')).nextAuthMock);
vi.mock('next/headers', async () => {
  const harness = (await import('../helpers/action-harness')).nextHeadersMock;
  return {
    ...harness,
    headers: async () => {
      const h = await harness.headers();
      h.set('origin', 'https://portal.test');
      if (request.id !== null) h.set('x-request-id', request.id);
      return h;
    },
  };
});
vi.mock('next/cache', async () => (await import('../helpers/action-harness')).nextCacheMock);
vi.mock('next-intl/server', async () => (await import('../helpers/action-harness')).nextIntlServerMock);
vi.mock('@/db/client', async () => (await import('../helpers/action-harness')).dbClientMock);

let handle: DatabaseHandle;
let operator: { id: number; email: string };
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabase(handle);
  operator = await makeUser(handle.db, 'operator');
});
afterAll(async () => {
  await handle?.close();
});

const lastEntry = async () => (await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe('the request id in the audit log', () => {
  it("is written with a server action's entry", async () => {
    await signInAs(operator.email);
    await handle.db.insert(notifications).values({ userId: operator.id, kind: 'subsidyNotice.statusChanged', params: { refNo: 'T-1' }, link: null });
    request.id = '3b0c52a4-6f0e-4d7c-9a55-1f2e3d4c5b6a';
    const { markAllReadAction } = await import('@/app/(portal)/notifications/actions');
    expect(await markAllReadAction({})).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await lastEntry()).toMatchObject({ action: 'notification.read', userId: operator.id, requestId: request.id });
  });

  it('is not taken from a malformed header', async () => {
    await handle.db.insert(notifications).values({ userId: operator.id, kind: 'subsidyNotice.statusChanged', params: { refNo: 'T-2' }, link: null });
    request.id = 'not an id; <script>';
    const { markAllReadAction } = await import('@/app/(portal)/notifications/actions');
    expect(await markAllReadAction({})).toMatchObject({ ok: true });
    expect(await lastEntry()).toMatchObject({ action: 'notification.read', requestId: null });
  });

  it("is written with a refused sign-in's entry, and the refusal is counted", async () => {
    const count = async () => Number(/^signin_failures_total\{reason="password"\} (\d+)$/m.exec((await metricsText(null)).body)?.[1] ?? 0);
    const before = await count();
    const id = 'lb-trace-000000000042';
    expect(await verifyCredentials(handle.db, { email: operator.email, password: 'not the password' }, '198.51.100.4', new Date(), id)).toBeNull();
    expect(await lastEntry()).toMatchObject({ action: 'auth.signInFailed', userId: operator.id, ip: '198.51.100.4', requestId: id });
    expect(await count()).toBe(before + 1);
  });

  it('is covered by the hash: the chain verifies, and a changed id is an alteration', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true });
    const target = (await handle.db.select().from(auditLog).where(eq(auditLog.requestId, 'lb-trace-000000000042')))[0]!;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await tx.execute(sql`UPDATE audit_log SET request_id = 'lb-trace-000000000043' WHERE id = ${target.id}`);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: false, firstBadId: target.id, reason: 'altered' });
  });
});
