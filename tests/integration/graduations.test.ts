import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/connect';
import { graduationCandidate, graduationCandidates, graduationFile, listGraduations, recordGraduation } from '@/db/queries/graduations/candidates';
import { auditLog, graduationFiles, graduations, residencies, ventures } from '@/db/schema';
import type { Actor } from '@/db/audit';
import type { Scope } from '@/lib/roles';
import { bindOperator, makeCarrier, makeUser } from '../helpers/fixtures';
import { addFinancings, addYearRevenues, makeTenant, PDF_BYTES, PNG_BYTES } from '../helpers/graduation-fixtures';
import { openTestDatabase } from '../helpers/db';
import { refusal } from '../helpers/subsidy-fixtures';

const TODAY = '2026-11-26';
const WAN = 1_000_000; // fen
let handle: DatabaseHandle;
let actor: Actor;
let scope: Scope;
let t: Record<string, Awaited<ReturnType<typeof makeTenant>>>;
let carrierId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const op = await makeUser(db, 'operator');
  const carrier = await makeCarrier(db, 'incubator');
  const other = await makeCarrier(db, 'incubator');
  carrierId = carrier.id;
  await bindOperator(db, op.id, carrier.id);
  actor = { userId: op.id, role: 'operator', ip: '127.0.0.1' };
  scope = { kind: 'carriers', carrierIds: [carrier.id] };
  const c = carrier.id;
  t = {
    highTech: await makeTenant(db, c, { name: 'A高新', highTechCertNo: 'GR202531001234', highTechCertOn: '2025-12-01', enteredOn: '2023-03-01' }),
    futureCert: await makeTenant(db, c, { name: 'B证书未生效', highTechCertNo: 'GR202631009999', highTechCertOn: '2026-12-15' }),
    fin5m: await makeTenant(db, c, { name: 'C融资恰好500万' }),
    fin5m1: await makeTenant(db, c, { name: 'D融资500万零1分' }),
    rev10m: await makeTenant(db, c, { name: 'E营收恰好1000万' }),
    rev10m1: await makeTenant(db, c, { name: 'F营收1000万零1分' }),
    revGap: await makeTenant(db, c, { name: 'G营收年份不连续' }),
    exit: await makeTenant(db, c, { name: 'H被收购', exitKind: 'acquired', exitOn: '2026-10-01' }),
    none: await makeTenant(db, c, { name: 'I无' }),
    pending: await makeTenant(db, c, { name: 'J已登记待核验', highTechCertNo: 'GR202431000001', highTechCertOn: '2024-10-10' }),
    foreign: await makeTenant(db, other.id, { name: 'K别家高新', highTechCertNo: 'GR202431000002', highTechCertOn: '2024-10-10' }),
  };
  await addFinancings(db, t.fin5m!.id, [300 * WAN, 200 * WAN]);
  await addFinancings(db, t.fin5m1!.id, [300 * WAN, 200 * WAN + 1]);
  await addFinancings(db, t.none!.id, [900 * WAN], '2027-01-01'); // not yet received
  await addYearRevenues(db, t.rev10m!.id, c, { 2023: 100 * WAN, 2024: 600 * WAN, 2025: 400 * WAN });
  await addYearRevenues(db, t.rev10m1!.id, c, { 2024: 600 * WAN, 2025: 400 * WAN + 1 });
  await addYearRevenues(db, t.revGap!.id, c, { 2022: 900 * WAN, 2024: 900 * WAN });
  await db.insert(graduations).values({
    ventureId: t.pending!.id,
    carrierId: c,
    graduatedOn: '2026-11-01',
    criteria: ['high_tech'],
    evidence: '高新证书',
    status: 'pending',
  });
});
afterAll(async () => {
  await handle?.close();
});

describe('graduationCandidates', () => {
  it('lists each criterion at its strict edge, and nothing else', async () => {
    const { rows, total } = await graduationCandidates(handle.db, scope, TODAY, { page: 1, pageSize: 50 });
    const byName = Object.fromEntries(rows.map((r) => [r.ventureName, r]));
    expect(Object.keys(byName).sort()).toEqual(['A高新', 'D融资500万零1分', 'F营收1000万零1分', 'H被收购']);
    expect(total).toBe(4);
    expect(byName['A高新']).toMatchObject({
      criteria: ['high_tech'],
      figures: { highTechCertNo: 'GR202531001234', highTechCertOn: '2025-12-01' },
    });
    expect(byName['D融资500万零1分']).toMatchObject({ criteria: ['financing'], figures: { financingTotalFen: 500 * WAN + 1 } });
    expect(byName['F营收1000万零1分']).toMatchObject({
      criteria: ['revenue'],
      figures: { revenue: { firstYear: 2024, firstYearFen: 600 * WAN, secondYearFen: 400 * WAN + 1, totalFen: 1000 * WAN + 1 } },
    });
    expect(byName['H被收购']).toMatchObject({ criteria: ['exit'], figures: { exitKind: 'acquired', exitOn: '2026-10-01' } });
  });

  it('shows the facts of a venture that does not qualify, and pages the candidates', async () => {
    const c = await graduationCandidate(handle.db, scope, t.rev10m!.id, TODAY);
    expect(c.criteria).toEqual([]);
    expect(c.figures.revenue).toEqual({ firstYear: 2024, firstYearFen: 600 * WAN, secondYearFen: 400 * WAN, totalFen: 1000 * WAN });
    expect((await graduationCandidate(handle.db, scope, t.fin5m!.id, TODAY)).figures.financingTotalFen).toBe(500 * WAN);
    const page2 = await graduationCandidates(handle.db, scope, TODAY, { page: 2, pageSize: 3 });
    expect(page2.rows).toHaveLength(1);
    expect(page2.total).toBe(4);
    await expect(graduationCandidate(handle.db, scope, t.foreign!.id, TODAY)).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('recordGraduation', () => {
  const input = () => ({
    ventureId: t.highTech!.id,
    graduatedOn: '2026-11-20',
    criteria: ['high_tech' as const],
    evidence: '高新技术企业证书 GR202531001234',
    files: [
      { name: '高新证书.pdf', content: PDF_BYTES },
      { name: 'scan.png', content: PNG_BYTES },
    ],
  });

  it('refuses a criterion the data does not support, naming it', async () => {
    const e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), criteria: ['high_tech', 'financing'] }, TODAY));
    expect(e.code).toBe('invalid');
    expect(e.fieldErrors?.criteria).toEqual([{ key: 'graduationErrors.unsupportedCriterion', params: { criterion: 'financing' } }]);
  });

  it('refuses an executable renamed .pdf, by its content', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), files: [{ name: 'certificate.pdf', content: exe }] }, TODAY));
    expect(e.fieldErrors?.files).toEqual([{ key: 'graduationErrors.fileType', params: { name: 'certificate.pdf' } }]);
  });

  it('refuses a file over 10 MB', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF_BYTES);
    const e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), files: [{ name: 'big.pdf', content: big }] }, TODAY));
    expect(e.fieldErrors?.files).toEqual([{ key: 'graduationErrors.fileTooLarge', params: { name: 'big.pdf', max: 10 } }]);
  });

  it('refuses files of 25 MB together, each within 10 MB', async () => {
    const file = (i: number) => {
      const bytes = new Uint8Array(9 * 1024 * 1024);
      bytes.set(PDF_BYTES);
      return { name: `part-${i}.pdf`, content: bytes };
    };
    const e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), files: [file(1), file(2), file(3)] }, TODAY));
    expect(e.fieldErrors?.files).toEqual([{ key: 'graduationErrors.filesTooLarge', params: { max: 25 } }]);
  });

  it('refuses a date in the future or before the residency, and blank evidence', async () => {
    let e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), graduatedOn: '2026-11-27' }, TODAY));
    expect(e.fieldErrors?.graduatedOn).toEqual([{ key: 'dateInFuture' }]);
    e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), graduatedOn: '2023-02-28', evidence: '  ' }, TODAY));
    expect(e.fieldErrors?.graduatedOn).toEqual([{ key: 'graduationErrors.beforeResidency', params: { enteredOn: '2023-03-01' } }]);
    expect(e.fieldErrors?.evidence).toEqual([{ key: 'required' }]);
    e = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), version: 99 }, TODAY));
    expect(e.code).toBe('conflict');
    const [v] = await handle.db.select().from(ventures).where(eq(ventures.id, t.highTech!.id));
    expect(v).toMatchObject({ stage: 'incubating', version: 1 });
  });

  it('records it pending, closes the residency, moves the stage and writes the audit trail', async () => {
    const { graduationId, fileIds } = await recordGraduation(handle.db, actor, scope, { ...input(), version: 1 }, TODAY);
    const db = handle.db;
    const [g] = await db.select().from(graduations).where(eq(graduations.id, graduationId));
    expect(g).toMatchObject({ status: 'pending', recordedBy: actor.userId, carrierId, criteria: ['high_tech'], graduatedOn: '2026-11-20' });
    const [r] = await db.select().from(residencies).where(eq(residencies.id, t.highTech!.residencyId));
    expect(r).toMatchObject({ leftOn: '2026-11-20', exitReason: 'graduated' });
    const [v] = await db.select().from(ventures).where(eq(ventures.id, t.highTech!.id));
    expect(v).toMatchObject({ stage: 'graduated', currentCarrierId: carrierId, version: 2 });
    const files = await db.select().from(graduationFiles).where(eq(graduationFiles.graduationId, graduationId));
    expect(files.map((f) => [f.fileName, f.mimeType, f.sizeBytes])).toEqual([
      ['高新证书.pdf', 'application/pdf', PDF_BYTES.length],
      ['scan.png', 'image/png', PNG_BYTES.length],
    ]);
    expect(files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const audit = await db
      .select({ action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, userId: auditLog.userId, carrierId: auditLog.carrierId })
      .from(auditLog)
      .where(inArray(auditLog.action, ['graduation.record', 'graduation_file.upload', 'residency.close', 'venture.graduate']))
      .orderBy(auditLog.id);
    expect(audit).toEqual([
      { action: 'graduation.record', entity: 'graduation', entityId: String(graduationId), userId: actor.userId, carrierId },
      { action: 'graduation_file.upload', entity: 'graduation_file', entityId: String(fileIds[0]), userId: actor.userId, carrierId },
      { action: 'graduation_file.upload', entity: 'graduation_file', entityId: String(fileIds[1]), userId: actor.userId, carrierId },
      { action: 'residency.close', entity: 'residency', entityId: String(t.highTech!.residencyId), userId: actor.userId, carrierId },
      { action: 'venture.graduate', entity: 'venture', entityId: String(t.highTech!.id), userId: actor.userId, carrierId },
    ]);

    const file = await graduationFile(db, scope, fileIds[0]!);
    expect(Buffer.from(file.content).equals(Buffer.from(PDF_BYTES))).toBe(true);
    const list = await listGraduations(db, scope, { status: 'pending', page: 1, pageSize: 10 });
    expect(list.rows[0]).toMatchObject({ id: graduationId, ventureName: 'A高新', status: 'pending', files: [{ id: fileIds[0] }, { id: fileIds[1] }] });
    const candidates = await graduationCandidates(db, scope, TODAY, { page: 1, pageSize: 50 });
    expect(candidates.rows.map((c) => c.ventureName)).not.toContain('A高新');
  });

  it('answers a second recording of the same venture with a conflict, and another operator’s with not found', async () => {
    const e = await refusal(recordGraduation(handle.db, actor, scope, input(), TODAY));
    expect(e.code).toBe('conflict');
    const foreign = await refusal(recordGraduation(handle.db, actor, scope, { ...input(), ventureId: t.foreign!.id }, TODAY));
    expect(foreign.code).toBe('notFound');
    const [n] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(graduations)
      .where(and(eq(graduations.ventureId, t.highTech!.id)));
    expect(n!.n).toBe(1);
  });

  it('records without files, and lists rejected graduations with their reason', async () => {
    await recordGraduation(handle.db, actor, scope, { ...input(), ventureId: t.exit!.id, criteria: ['exit'], evidence: '股权转让协议', files: [] }, TODAY);
    await handle.db.update(graduations).set({ status: 'rejected', rejectionReason: '缺少工商变更登记' }).where(eq(graduations.ventureId, t.exit!.id));
    const { rows } = await listGraduations(handle.db, scope, { status: 'rejected', page: 1, pageSize: 10 });
    expect(rows).toMatchObject([{ ventureName: 'H被收购', rejectionReason: '缺少工商变更登记', files: [] }]);
    const thisYear = await listGraduations(handle.db, scope, { year: 2026, page: 1, pageSize: 10 });
    expect(thisYear.total).toBe(3);
    expect((await listGraduations(handle.db, scope, { year: 2025, page: 1, pageSize: 10 })).total).toBe(0);
  });
});
