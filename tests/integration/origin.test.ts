import { count } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '@/db/connect';
import { auditLog } from '@/db/schema';
import { defineAction } from '@/lib/server/action';
import { writeAudit } from '@/db/audit';
import { openTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';

/**
 * Changes refuse cross-site requests: a server action (through defineAction, which every action
 * uses) and the data-changing route handler answer a request whose Origin is not this site's
 * with a refusal, before anything is read or written.
 */
const request = vi.hoisted(() => ({ headers: {} as Record<string, string>, userId: 0 }));
let handle: DatabaseHandle;

vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.headers) }));
vi.mock('@/lib/server/authz', () => ({
  requireRole: async () => ({ id: request.userId, role: 'operator' }),
  scopeFor: async () => ({ kind: 'carriers', carrierIds: [] }),
  authorizeRequest: async () => ({ user: { id: request.userId, role: 'operator' } }),
}));
vi.mock('next-intl/server', async () => {
  const { MESSAGE_FILES } = await import('@/lib/i18n/files');
  const messages = Object.assign({}, ...(await Promise.all(MESSAGE_FILES.map((f) => import(`@/messages/zh-CN/${f}.json`)))).map((m) => m.default));
  const t = (namespace?: string) => createTranslator({ locale: 'zh-CN', messages, namespace: namespace as never });
  return { getTranslations: async (ns?: string | { namespace: string }) => t(typeof ns === 'string' ? ns : ns?.namespace) };
});

beforeAll(async () => {
  handle = await openTestDatabase();
  request.userId = (await makeUser(handle.db, 'operator')).id;
});
afterAll(async () => {
  await handle?.close();
});

const entries = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;

/** An action that writes an audit entry, standing for every action built with defineAction. */
const touch = defineAction({
  roles: ['operator'],
  schema: z.object({ note: z.string().max(20) }),
  run: async (input, ctx) => {
    await handle.db.transaction((tx) => writeAudit(tx, ctx.actor, { action: 'test.touch', entity: 'test', entityId: null, after: input }));
  },
});

const SITE = { host: 'portal.example.gov.cn' };

describe('a server action', () => {
  it('runs for a request from a page of this site', async () => {
    request.headers = { ...SITE, origin: 'https://portal.example.gov.cn' };
    const before = await entries();
    expect(await touch({ note: 'same site' })).toMatchObject({ ok: true });
    expect(await entries()).toBe(before + 1);
  });

  it.each([
    ['another site', { ...SITE, origin: 'https://evil.example' }],
    ['a look-alike host', { ...SITE, origin: 'https://portal.example.gov.cn.evil.example' }],
    ['a sandboxed frame (origin null)', { ...SITE, origin: 'null' }],
    ['no Origin at all', { ...SITE }],
  ])('refuses a request from %s and writes nothing', async (_name, headers) => {
    request.headers = headers;
    const before = await entries();
    expect(await touch({ note: 'cross site' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await entries()).toBe(before);
  });
});

describe('the import route handler', () => {
  it('answers a cross-site POST with 403 before reading the upload', async () => {
    const { POST } = await import('@/app/api/operator/import/route');
    const form = new FormData();
    form.set('kind', 'ventures');
    form.set('file', new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]), 'ventures.xlsx');
    const before = await entries();
    const res = await POST(
      new Request('https://portal.example.gov.cn/api/operator/import', {
        method: 'POST',
        headers: { origin: 'https://evil.example', host: SITE.host },
        body: form,
      }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'crossSite' });
    const noOrigin = await POST(new Request('https://portal.example.gov.cn/api/operator/import', { method: 'POST', headers: { host: SITE.host }, body: form }));
    expect(noOrigin.status).toBe(403);
    expect(await entries()).toBe(before);
  });
});
