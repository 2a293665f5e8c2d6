import { operatorDashboard } from '@/db/queries/carriers/operator-dashboard';
import { graduationCandidate, graduationCandidates, graduationFile, listGraduations, recordGraduation } from '@/db/queries/graduations/candidates';
import { incubationLimitAlerts } from '@/db/queries/ventures/limits';
import { graduationFiles, graduations, ventures } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { IsolationCase, IsolationWorld } from './world';

const TODAY = '2026-11-26';
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

/** Makes carrier B's tenant a candidate (a high-tech certificate), so that a leak would show. */
async function certifyB(w: IsolationWorld) {
  await w.db.update(ventures).set({ highTechCertNo: 'GR202431009999', highTechCertOn: '2025-01-01' }).where(eq(ventures.id, w.ventureB));
}

/** A graduation of carrier B, sent back by the committee, with one evidence file. */
async function graduationOfB(w: IsolationWorld) {
  const [g] = await w.db
    .insert(graduations)
    .values({
      ventureId: w.ventureB,
      carrierId: w.carrierB,
      graduatedOn: '2026-10-01',
      criteria: ['high_tech'],
      evidence: '证书',
      status: 'rejected',
      rejectionReason: '材料不全',
    })
    .returning();
  const [f] = await w.db
    .insert(graduationFiles)
    .values({ graduationId: g!.id, fileName: 'b.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length, sha256: '0'.repeat(64), content: PDF })
    .returning();
  return { graduationId: g!.id, fileId: f!.id };
}

export const cases: IsolationCase[] = [
  {
    name: 'graduationCandidates of carrier B',
    expect: 'empty',
    attempt: async (w) => {
      await certifyB(w);
      return graduationCandidates(w.db, w.scopeA, TODAY, { carrierId: w.carrierB, page: 1, pageSize: 100 });
    },
  },
  {
    name: 'graduationCandidates across operator A’s carriers leave out B’s tenants',
    expect: 'empty',
    attempt: async (w) => {
      await certifyB(w);
      const { rows } = await graduationCandidates(w.db, w.scopeA, TODAY, { page: 1, pageSize: 100 });
      return rows.filter((r) => r.carrierId === w.carrierB || r.ventureId === w.ventureB);
    },
  },
  {
    name: 'graduationCandidate (the record page) for a venture of carrier B',
    expect: 'notFound',
    attempt: (w) => graduationCandidate(w.db, w.scopeA, w.ventureB, TODAY),
  },
  {
    name: 'recordGraduation for a venture of carrier B',
    expect: 'notFound',
    attempt: async (w) => {
      await certifyB(w);
      return recordGraduation(
        w.db,
        w.actorA,
        w.scopeA,
        { ventureId: w.ventureB, graduatedOn: '2026-11-01', criteria: ['high_tech'], evidence: '证书', files: [{ name: 'a.pdf', content: PDF }] },
        TODAY,
      );
    },
  },
  {
    name: 'listGraduations of carrier B',
    expect: 'empty',
    attempt: async (w) => {
      await graduationOfB(w);
      return listGraduations(w.db, w.scopeA, { carrierId: w.carrierB, page: 1, pageSize: 100 });
    },
  },
  {
    name: 'listGraduations across operator A’s carriers',
    expect: 'empty',
    attempt: async (w) => {
      await graduationOfB(w);
      return listGraduations(w.db, w.scopeA, { status: 'rejected', page: 1, pageSize: 100 });
    },
  },
  {
    name: 'graduationFile (the download route) of carrier B',
    expect: 'notFound',
    attempt: async (w) => graduationFile(w.db, w.scopeA, (await graduationOfB(w)).fileId),
  },
  {
    name: 'incubationLimitAlerts of carrier B',
    expect: 'empty',
    attempt: (w) => incubationLimitAlerts(w.db, w.scopeA, TODAY, { status: 'all', carrierId: w.carrierB, page: 1, pageSize: 100 }),
  },
  {
    name: 'incubationLimitAlerts across operator A’s carriers leave out B’s tenants',
    expect: 'empty',
    attempt: async (w) => {
      const { rows } = await incubationLimitAlerts(w.db, w.scopeA, TODAY, { status: 'all', page: 1, pageSize: 100 });
      return rows.filter((r) => r.carrierId === w.carrierB);
    },
  },
  {
    name: 'operatorDashboard for carrier B',
    expect: 'empty',
    attempt: (w) => operatorDashboard(w.db, w.scopeA, TODAY, { carrierId: w.carrierB }),
  },
];
