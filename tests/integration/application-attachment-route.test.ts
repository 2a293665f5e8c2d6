import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import type { AuthUser } from '@/db/queries/accounts/users';
import type { Scope } from '@/lib/roles';
import { announcePeerHeader } from '@/lib/client-ip';
import { openTestDatabase } from '../helpers/db';

// As the portal's server does: the socket's address arrives in x-portal-peer, a forged X-Forwarded-For is not believed.
announcePeerHeader();
import { ALL, draftFor, makeProgramme, makeSubsidyWorld, PDF, type SubsidyWorld } from '../helpers/subsidy-fixtures';

/**
 * The attachment download route (app/api/applications/attachments/[id]) as a request reaches
 * it: the session's user and scope decide, and another carrier's file is a plain 404.
 */
const session = vi.hoisted(() => ({ user: null as null | { id: number; role: 'operator' | 'committee' | 'admin' }, scope: null as unknown }));
let handle: DatabaseHandle;

vi.mock('@/db/client', () => ({ getDb: () => handle.db }));
vi.mock('@/lib/server/authz', () => ({
  authorizeRequest: async (...roles: string[]) => {
    if (!session.user) return { response: Response.json({ error: 'unauthenticated' }, { status: 401 }) };
    if (!roles.includes(session.user.role)) return { response: Response.json({ error: 'forbidden' }, { status: 403 }) };
    return { user: session.user as unknown as AuthUser };
  },
  scopeFor: async () => session.scope as Scope,
}));

const { GET } = await import('@/app/api/applications/attachments/[id]/route');

let owner: SubsidyWorld;
let other: SubsidyWorld;
let attachmentId: number;
beforeAll(async () => {
  handle = await openTestDatabase();
  owner = await makeSubsidyWorld(handle.db);
  other = await makeSubsidyWorld(handle.db);
  const p = await makeProgramme(handle.db);
  const d = await draftFor(owner, p.id);
  const { getApplication } = await import('@/db/queries/subsidies/applications');
  const detail = await getApplication(handle.db, owner.operator, owner.scope, d.id, '2026-03-10');
  attachmentId = detail.attachments[0]!.id;
});
afterAll(async () => {
  await handle?.close();
});

const download = (id: string | number) =>
  GET(new Request(`http://localhost/api/applications/attachments/${id}`), { params: Promise.resolve({ id: String(id) }) });
const as = (w: SubsidyWorld | null, role: 'operator' | 'committee' | 'admin', scope: Scope) => {
  session.user = { id: w?.operator.userId ?? 1, role };
  session.scope = scope;
};

describe('GET /api/applications/attachments/[id]', () => {
  it('gives the operator of the carrier the file, as a download', async () => {
    as(owner, 'operator', owner.scope);
    const res = await download(attachmentId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it('leaves an audit entry of each download, and none of a refused one', async () => {
    const { auditLog } = await import('@/db/schema');
    const { eq, and } = await import('drizzle-orm');
    const downloads = () =>
      handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'download'), eq(auditLog.entityId, String(attachmentId))));
    const before = (await downloads()).length;
    as(owner, 'operator', owner.scope);
    const res = await GET(
      new Request(`http://localhost/api/applications/attachments/${attachmentId}`, { headers: { 'x-portal-peer': '10.1.2.3', 'x-forwarded-for': '6.6.6.6' } }),
      {
        params: Promise.resolve({ id: String(attachmentId) }),
      },
    );
    expect(res.status).toBe(200);
    const rows = await downloads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ userId: owner.operator.userId, role: 'operator', entity: 'attachment', carrierId: owner.carrier.id, ip: '10.1.2.3' });
    expect((rows.at(-1)!.after as { fileName: string }).fileName).toMatch(/\.pdf$/);
    as(other, 'operator', other.scope);
    expect((await download(attachmentId)).status).toBe(404);
    expect(await downloads()).toHaveLength(before + 1);
  });

  it('gives committee staff any file', async () => {
    as(null, 'committee', ALL);
    expect((await download(attachmentId)).status).toBe(200);
  });

  it('answers another carrier’s operator with 404, as for a file that does not exist', async () => {
    as(other, 'operator', other.scope);
    const res = await download(attachmentId);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'notFound' });
    expect((await download(999_999)).status).toBe(404);
    expect((await download('abc')).status).toBe(404);
  });

  it('answers 404 to an id not written in plain digits, even one that reads as the file’s number', async () => {
    as(owner, 'operator', owner.scope);
    // One spelling per file: leading zeros too are another address for it, and answered 404.
    for (const id of [
      `${attachmentId}.0`,
      `+${attachmentId}`,
      ` ${attachmentId}`,
      `0x${attachmentId.toString(16)}`,
      `${attachmentId}e0`,
      `00${attachmentId}`,
      '0',
      '2147483648',
    ]) {
      expect((await download(id)).status, id).toBe(404);
    }
    expect((await download(String(attachmentId))).status).toBe(200);
  });

  it('stores and serves HTML behind PDF magic bytes as a PDF named for its type, without the invisible characters of its name', async () => {
    const { addAttachment } = await import('@/db/queries/subsidies/files');
    const { getApplication } = await import('@/db/queries/subsidies/applications');
    const p = await makeProgramme(handle.db);
    const d = await draftFor(owner, p.id);
    const evil = new TextEncoder().encode('%PDF-1.4\n<html><script>alert(1)</script></html>');
    for (const name of ['evil.html', 'invoice\u202Efdp.html']) {
      const detail = await getApplication(handle.db, owner.operator, owner.scope, d.id, '2026-03-10');
      await addAttachment(
        handle.db,
        owner.operator,
        owner.scope,
        { applicationId: d.id, version: detail.version, documentType: 'project_plan', name, content: evil },
        '2026-03-10',
      );
    }
    const detail = await getApplication(handle.db, owner.operator, owner.scope, d.id, '2026-03-10');
    const names = detail.attachments.map((a) => a.fileName);
    expect(names).toEqual(expect.arrayContaining(['evil.pdf', 'invoicefdp.pdf']));
    as(owner, 'operator', owner.scope);
    for (const a of detail.attachments.filter((x) => x.fileName !== '执照.pdf')) {
      const res = await download(a.id);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${a.fileName}"; filename*=UTF-8''${a.fileName}`);
    }
  });

  it('refuses an admin and a visitor without a session', async () => {
    as(null, 'admin', { kind: 'none' });
    expect((await download(attachmentId)).status).toBe(403);
    session.user = null;
    expect((await download(attachmentId)).status).toBe(401);
  });
});
