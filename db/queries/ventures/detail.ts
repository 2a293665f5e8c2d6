import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { IsoDate } from '@/lib/domain/dates';
import { stageAsLeft } from '@/lib/domain/stays';
import { editableVentureData, withheldVentureData } from '@/lib/domain/venture-fields';
import { incubationLimitStatus, type LimitStatus } from '@/lib/domain/tenancy';
import { scopeIncludesCarrier, type Scope } from '@/lib/roles';
import type { DbOrTx } from '../../client';
import { applications, carriers, graduations, programs, residencies, ventureFinancings, ventureReports } from '../../schema';
import { figureColumns } from '../reports/columns';
import { carrierCondition } from '../shared/scope';
import { findOwnedVenture } from './scope';

/**
 * A venture the caller's carriers lived, with everything its page shows to them
 * (docs/data-ownership.md): its identity, and the stays, financing events, quarterly reports,
 * graduations and subsidy applications of the caller's own carriers; nothing another carrier
 * recorded. When its latest stay is another carrier's, the page shows the caller's period only,
 * read-only (the venture's other fields are left out, the stage is the one the period ended
 * with). Committee scope sees everything. notFound when the caller's carriers never had it.
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
      .where(and(eq(residencies.ventureId, ventureId), carrierCondition(scope, residencies.carrierId)))
      .orderBy(asc(residencies.enteredOn), asc(residencies.id)),
    db
      .select({
        id: ventureFinancings.id,
        receivedOn: ventureFinancings.receivedOn,
        amountFen: ventureFinancings.amountFen,
        investor: ventureFinancings.investor,
      })
      .from(ventureFinancings)
      .where(and(eq(ventureFinancings.ventureId, ventureId), carrierCondition(scope, ventureFinancings.carrierId)))
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
      .where(and(eq(graduations.ventureId, ventureId), carrierCondition(scope, graduations.carrierId)))
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
    owned.current && v.stage === 'incubating' && owned.incubationStartedOn
      ? incubationLimitStatus({ industry: v.industry, incubationStartedOn: owned.incubationStartedOn, today })
      : null;
  const current = owned.editable || scope.kind === 'all' ? (history.find((r) => r.id === owned.openResidencyId) ?? null) : null;
  const lastOwn = history.at(-1);
  const identity = { id: v.id, kind: v.kind, name: v.name, creditCode: v.creditCode, industry: v.industry, foundedOn: v.foundedOn };
  return {
    venture: owned.current
      ? { ...identity, ...editableVentureData(v), stage: v.stage, version: v.version }
      : { ...identity, ...withheldVentureData(v.industry), stage: lastOwn ? stageAsLeft(lastOwn) : v.stage, version: v.version },
    /** Its latest stay is the caller's (committee: always); otherwise the page shows the caller's period only. */
    current: owned.current,
    /** The caller's carrier has its open stay: the only one that changes it. */
    editable: owned.editable,
    /** The open residency, if any and the caller's (committee: any). */
    openResidency: current
      ? {
          id: current.id,
          carrierId: current.carrierId,
          carrierName: current.carrierName,
          carrierKind: current.carrierKind,
          stage: current.stage,
          enteredOn: current.enteredOn,
          ruleWarnings: current.ruleWarnings,
        }
      : null,
    homeCarrierId: owned.homeCarrierId,
    incubationStartedOn: owned.incubationStartedOn,
    limit,
    residencies: history.map((r) =>
      ours(r.carrierId) ? { ...r, ours: true as const } : { ...r, ours: false as const, areaM2: null, workstations: null, ruleWarnings: [] as string[] },
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
