import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { IsoDate } from '@/lib/domain/dates';
import { incubationLimitStatus, type LimitStatus } from '@/lib/domain/tenancy';
import { scopeIncludesCarrier, type Scope } from '@/lib/roles';
import type { DbOrTx } from '../client';
import { applications, carriers, graduations, programs, residencies, ventureFinancings, ventureReports } from '../schema';
import { figureColumns } from './report-columns';
import { carrierCondition } from './scope';
import { findOwnedVenture } from './venture-scope';

/**
 * One of the caller's ventures with everything its page shows: the full residency history
 * across carriers (other carriers appear by their public name only), financing events,
 * quarterly reports and subsidy applications of the caller's carriers, and graduations
 * (other carriers' evidence and reasons left out). notFound when it is not the caller's.
 */
export async function getVentureDetail(db: DbOrTx, scope: Scope, ventureId: number, today: IsoDate) {
  const owned = await findOwnedVenture(db, scope, ventureId);
  const [history, financings, reports, graduationRows, applicationRows] = await Promise.all([
    db
      .select({
        id: residencies.id,
        carrierId: residencies.carrierId,
        carrierName: carriers.name,
        carrierKind: carriers.kind,
        stage: residencies.stage,
        enteredOn: residencies.enteredOn,
        leftOn: residencies.leftOn,
        exitReason: residencies.exitReason,
        areaM2: residencies.areaM2,
        workstations: residencies.workstations,
        ruleWarnings: residencies.ruleWarnings,
      })
      .from(residencies)
      .innerJoin(carriers, eq(carriers.id, residencies.carrierId))
      .where(eq(residencies.ventureId, ventureId))
      .orderBy(asc(residencies.enteredOn), asc(residencies.id)),
    db
      .select({
        id: ventureFinancings.id,
        receivedOn: ventureFinancings.receivedOn,
        amountFen: ventureFinancings.amountFen,
        investor: ventureFinancings.investor,
      })
      .from(ventureFinancings)
      .where(eq(ventureFinancings.ventureId, ventureId))
      .orderBy(asc(ventureFinancings.receivedOn), asc(ventureFinancings.id)),
    db
      .select({
        id: ventureReports.id,
        carrierId: ventureReports.carrierId,
        year: ventureReports.year,
        quarter: ventureReports.quarter,
        ...figureColumns,
        filedAt: ventureReports.filedAt,
        late: ventureReports.late,
      })
      .from(ventureReports)
      .where(and(eq(ventureReports.ventureId, ventureId), carrierCondition(scope, ventureReports.carrierId)))
      .orderBy(desc(ventureReports.year), desc(ventureReports.quarter)),
    db
      .select({
        id: graduations.id,
        carrierId: graduations.carrierId,
        carrierName: carriers.name,
        graduatedOn: graduations.graduatedOn,
        criteria: graduations.criteria,
        evidence: graduations.evidence,
        status: graduations.status,
        verifiedAt: graduations.verifiedAt,
        rejectionReason: graduations.rejectionReason,
      })
      .from(graduations)
      .innerJoin(carriers, eq(carriers.id, graduations.carrierId))
      .where(eq(graduations.ventureId, ventureId))
      .orderBy(desc(graduations.graduatedOn), desc(graduations.id)),
    db
      .select({
        id: applications.id,
        refNo: applications.refNo,
        programNameZh: programs.nameZh,
        programNameEn: programs.nameEn,
        status: applications.status,
        requestedFen: applications.requestedFen,
        approvedFen: applications.approvedFen,
        finalFen: applications.finalFen,
        paidFen: applications.paidFen,
        submittedAt: applications.submittedAt,
      })
      .from(applications)
      .innerJoin(programs, eq(programs.id, applications.programId))
      .where(and(eq(applications.ventureId, ventureId), carrierCondition(scope, applications.carrierId)))
      .orderBy(desc(applications.createdAt), desc(applications.id)),
  ]);

  const ours = (carrierId: number) => scopeIncludesCarrier(scope, carrierId);
  const v = owned.venture;
  const limit: LimitStatus | null =
    v.stage === 'incubating' && owned.incubationStartedOn
      ? incubationLimitStatus({ industry: v.industry, incubationStartedOn: owned.incubationStartedOn, today })
      : null;
  const current = history.find((r) => r.id === owned.openResidencyId) ?? null;
  return {
    venture: {
      id: v.id,
      kind: v.kind,
      name: v.name,
      creditCode: v.creditCode,
      industry: v.industry,
      technicalField: v.technicalField,
      foundedOn: v.foundedOn,
      founders: v.founders,
      talentFlags: v.talentFlags,
      highTechCertNo: v.highTechCertNo,
      highTechCertOn: v.highTechCertOn,
      exitKind: v.exitKind,
      exitOn: v.exitOn,
      stage: v.stage,
      version: v.version,
    },
    /** The open residency, if any (always in one of the caller's carriers). */
    openResidency: current
      ? { id: current.id, carrierId: current.carrierId, carrierName: current.carrierName, carrierKind: current.carrierKind, stage: current.stage, enteredOn: current.enteredOn, ruleWarnings: current.ruleWarnings }
      : null,
    homeCarrierId: owned.homeCarrierId,
    incubationStartedOn: owned.incubationStartedOn,
    limit,
    residencies: history.map((r) =>
      ours(r.carrierId)
        ? { ...r, ours: true as const }
        : { ...r, ours: false as const, areaM2: null, workstations: null, ruleWarnings: [] as string[] },
    ),
    financings,
    financingTotalFen: financings.reduce((sum, f) => sum + f.amountFen, 0),
    reports,
    graduations: graduationRows.map((g) =>
      ours(g.carrierId) ? { ...g, ours: true as const } : { ...g, ours: false as const, evidence: null, rejectionReason: null },
    ),
    applications: applicationRows,
  };
}
export type VentureDetail = Awaited<ReturnType<typeof getVentureDetail>>;
