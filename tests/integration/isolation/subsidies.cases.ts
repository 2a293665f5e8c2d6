import { eq } from 'drizzle-orm';
import {
  addAttachment,
  allowedSteps,
  attachmentFile,
  createDraft,
  deleteDraft,
  getApplication,
  listForOperator,
  removeAttachment,
  submitApplication,
  updateDraft,
  withdrawApplication,
} from '@/db/queries/subsidies/applications';
import { openProgrammesFor } from '@/db/queries/subsidies/programmes';
import { applications, attachments } from '@/db/schema';
import { OPEN_ALL_YEAR, PDF, TODAY, makeProgramme } from '../../helpers/subsidy-fixtures';
import type { IsolationCase, IsolationWorld } from './world';

let seq = 0;

/** An open venture programme and a draft of carrier B's tenant with one attachment. */
async function draftOfB(w: IsolationWorld, status: 'draft' | 'submitted' = 'draft') {
  const p = await makeProgramme(w.db, {
    ...OPEN_ALL_YEAR,
    code: `ISO-${seq++}-${Date.now().toString(36)}`,
    nameZh: '隔离测试专项',
    nameEn: 'Isolation programme',
  });
  const [a] = await w.db
    .insert(applications)
    .values({
      refNo: `ISO-B-${seq++}-${Date.now().toString(36)}`,
      programId: p.id,
      carrierId: w.carrierB,
      ventureId: w.ventureB,
      purpose: '乙方申请',
      requestedFen: 100_000,
      status,
    })
    .returning();
  const [f] = await w.db
    .insert(attachments)
    .values({
      applicationId: a!.id,
      fileName: 'b.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: '0'.repeat(64),
      documentType: 'business_licence',
      content: PDF,
    })
    .returning();
  return { programId: p.id, applicationId: a!.id, version: a!.version, attachmentId: f!.id };
}

const step = (d: { applicationId: number; version: number }) => ({ applicationId: d.applicationId, version: d.version });

export const cases: IsolationCase[] = [
  {
    name: 'subsidies: listForOperator of carrier B',
    expect: 'empty',
    attempt: async (w) => {
      await draftOfB(w);
      return listForOperator(w.db, w.scopeA, { carrierId: w.carrierB, page: 1, pageSize: 100 });
    },
  },
  {
    name: 'subsidies: listForOperator across operator A’s carriers leaves out B’s applications',
    expect: 'empty',
    attempt: async (w) => {
      await draftOfB(w);
      const { rows } = await listForOperator(w.db, w.scopeA, { page: 1, pageSize: 100 });
      return rows.filter((r) => r.carrierId === w.carrierB);
    },
  },
  {
    name: 'subsidies: getApplication of B’s application',
    expect: 'notFound',
    attempt: async (w) => getApplication(w.db, w.actorA, w.scopeA, (await draftOfB(w)).applicationId, TODAY),
  },
  {
    name: 'subsidies: allowedSteps on B’s application',
    expect: 'notFound',
    attempt: async (w) => allowedSteps(w.db, w.actorA, w.scopeA, (await draftOfB(w)).applicationId, TODAY),
  },
  {
    name: 'subsidies: createDraft for B’s carrier',
    expect: 'notFound',
    attempt: async (w) => {
      const d = await draftOfB(w);
      return createDraft(w.db, w.actorA, w.scopeA, {
        programId: d.programId,
        carrierId: w.carrierB,
        ventureId: w.ventureB,
        purpose: 'x',
        requestedFen: 100,
        indicators: [],
      });
    },
  },
  {
    name: 'subsidies: createDraft in A’s carrier naming B’s venture',
    expect: 'notFound',
    attempt: async (w) => {
      const d = await draftOfB(w);
      return createDraft(w.db, w.actorA, w.scopeA, {
        programId: d.programId,
        carrierId: w.carrierA,
        ventureId: w.ventureB,
        purpose: 'x',
        requestedFen: 100,
        indicators: [],
      });
    },
  },
  {
    name: 'subsidies: updateDraft of B’s draft',
    expect: 'notFound',
    attempt: async (w) => updateDraft(w.db, w.actorA, w.scopeA, { ...step(await draftOfB(w)), purpose: '改写', requestedFen: 1, indicators: [] }, TODAY),
  },
  {
    name: 'subsidies: deleteDraft of B’s draft',
    expect: 'notFound',
    attempt: async (w) => deleteDraft(w.db, w.actorA, w.scopeA, step(await draftOfB(w)), TODAY),
  },
  {
    name: 'subsidies: addAttachment to B’s draft',
    expect: 'notFound',
    attempt: async (w) =>
      addAttachment(w.db, w.actorA, w.scopeA, { ...step(await draftOfB(w)), documentType: 'business_licence', name: 'a.pdf', content: PDF }, TODAY),
  },
  {
    name: 'subsidies: removeAttachment of B’s draft',
    expect: 'notFound',
    attempt: async (w) => {
      const d = await draftOfB(w);
      return removeAttachment(w.db, w.actorA, w.scopeA, { ...step(d), attachmentId: d.attachmentId }, TODAY);
    },
  },
  {
    name: 'subsidies: removeAttachment of B’s file through an application of A',
    expect: 'notFound',
    attempt: async (w) => {
      const b = await draftOfB(w);
      const [a] = await w.db
        .insert(applications)
        .values({
          refNo: `ISO-A-${seq++}-${Date.now().toString(36)}`,
          programId: b.programId,
          carrierId: w.carrierA,
          ventureId: w.ventureA,
          purpose: '甲方',
          requestedFen: 100,
        })
        .returning();
      const result = await removeAttachment(
        w.db,
        w.actorA,
        w.scopeA,
        { applicationId: a!.id, version: a!.version, attachmentId: b.attachmentId },
        TODAY,
      ).finally(() => w.db.delete(applications).where(eq(applications.id, a!.id)));
      return result;
    },
  },
  {
    name: 'subsidies: attachmentFile (the download) of B’s file',
    expect: 'notFound',
    attempt: async (w) => attachmentFile(w.db, w.scopeA, (await draftOfB(w)).attachmentId),
  },
  {
    name: 'subsidies: submitApplication of B’s draft',
    expect: 'notFound',
    attempt: async (w) => submitApplication(w.db, w.actorA, w.scopeA, step(await draftOfB(w)), TODAY),
  },
  {
    name: 'subsidies: withdrawApplication of B’s submitted application',
    expect: 'notFound',
    attempt: async (w) => withdrawApplication(w.db, w.actorA, w.scopeA, step(await draftOfB(w, 'submitted')), TODAY),
  },
  {
    name: 'subsidies: openProgrammesFor lists none of B’s ventures as applicants',
    expect: 'empty',
    attempt: async (w) => {
      await draftOfB(w);
      const open = await openProgrammesFor(w.db, w.scopeA, TODAY);
      return open.flatMap((p) => p.applicants.filter((a) => a.carrierId === w.carrierB || a.ventureId === w.ventureB));
    },
  },
];
