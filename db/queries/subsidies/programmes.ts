import 'server-only';
import { and, asc, count, desc, eq, inArray, lte, gte, sql, type SQL } from 'drizzle-orm';
import type { SubqueryWithSelection } from 'drizzle-orm/pg-core';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { applicantEligible } from '@/lib/domain/eligibility';
import { formatWan, moneyFigure } from '@/lib/money';
import { conflict, invalid, notFound, type FieldMessage } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import type { ProgrammeInput } from '@/lib/validation/subsidies';
import type { Db, DbOrTx, Tx } from '../../client';
import { applications, carriers, programmeFunding, programmeTotals, programs, ventures, type Program } from '../../schema';
import { isUniqueViolation } from '../shared/errors';
import { carrierCondition } from '../shared/scope';
import { pinyin } from '../shared/collation';

/**
 * Subsidy programmes (资助专项): the committee keeps them, operators read the open ones.
 * Money is integer fen.
 */
export type ProgrammeStatus = Program['status'];
export type ProgrammeCategory = Program['category'];

/**
 * What an application holds of a programme's budget: the final amount (or the approved one
 * until inspection sets it) while it is approved, being paid or accepted; what was paid out
 * when it failed inspection. Rejected, withdrawn and undecided applications hold nothing.
 */
export const committedFenSql = sql<number>`coalesce(sum(CASE
  WHEN ${applications.status} IN ('approved', 'paid', 'accepted') THEN coalesce(${applications.finalFen}, ${applications.approvedFen}, 0)
  WHEN ${applications.status} = 'acceptance_failed' THEN ${applications.paidFen}
  ELSE 0 END), 0)::bigint`;

/** The committed amount of one programme, inside the caller's transaction. */
export async function committedFen(tx: DbOrTx, programId: number): Promise<number> {
  const [r] = await tx.select({ committed: committedFenSql }).from(applications).where(eq(applications.programId, programId));
  return Number(r?.committed ?? 0);
}

export type ProgrammeFilter = { year?: number; category?: ProgrammeCategory; status?: ProgrammeStatus; page: number; pageSize: number };

/** Programmes, newest year first (committee). */
export async function listProgrammes(db: DbOrTx, f: ProgrammeFilter): Promise<{ rows: Program[]; total: number }> {
  const where = and(
    f.year === undefined ? undefined : eq(programs.year, f.year),
    f.category ? eq(programs.category, f.category) : undefined,
    f.status ? eq(programs.status, f.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(programs)
      .where(where)
      .orderBy(desc(programs.year), asc(programs.code))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(programs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getProgramme(db: DbOrTx, programId: number): Promise<Program> {
  const [p] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!p) throw notFound();
  return p;
}

function programmeValues(input: ProgrammeInput) {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    year: input.year,
    category: input.category,
    applicantType: input.applicantType,
    eligibleKinds: [...new Set(input.eligibleKinds)],
    eligibleStages: input.applicantType === 'venture' ? [...new Set(input.eligibleStages)] : [],
    fundingMode: input.fundingMode,
    budgetFen: input.budgetFen,
    capFen: input.capFen,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    requiredDocuments: [...new Set(input.requiredDocuments)],
    description: input.description ?? null,
    status: input.status,
  };
}

const codeTaken = () => invalid({ code: [{ key: 'subsidyErrors.programmeCodeTaken' }] });

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeInput): Promise<{ programId: number }> {
  const values = programmeValues(input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(programs).values(values).returning({ id: programs.id });
      await writeAudit(tx, actor, { action: 'programme.create', entity: 'programme', entityId: row!.id, after: values });
      return { programId: row!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken();
    throw e;
  }
}

/**
 * Changes a programme. Once it has applications its applicant type and funding mode are fixed
 * (the applications were made under them), and its budget may not fall below what is committed.
 */
export async function updateProgramme(db: Db, actor: Actor, input: ProgrammeInput & { programId: number; version: number }): Promise<{ version: number }> {
  const values = programmeValues(input);
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(programs).where(eq(programs.id, input.programId)).for('update');
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(applications).where(eq(applications.programId, current.id));
      const errors: Record<string, FieldMessage[]> = {};
      if (n > 0 && values.applicantType !== current.applicantType) errors.applicantType = [{ key: 'subsidyErrors.fixedOnceApplied' }];
      if (n > 0 && values.fundingMode !== current.fundingMode) errors.fundingMode = [{ key: 'subsidyErrors.fixedOnceApplied' }];
      const committed = n > 0 ? await committedFen(tx, current.id) : 0;
      if (values.budgetFen < committed)
        errors.budgetFen = [
          {
            key: 'subsidyErrors.budgetBelowCommitted',
            params: { committedFen: committed, committed: formatWan(committed), committedYuan: moneyFigure('en', committed) },
          },
        ];
      if (Object.keys(errors).length) throw invalid(errors);
      const [saved] = await tx
        .update(programs)
        .set({ ...values, version: sql`${programs.version} + 1` })
        .where(and(eq(programs.id, current.id), eq(programs.version, input.version)))
        .returning({ version: programs.version });
      if (!saved) throw conflict();
      const diff = changedFields(current as unknown as Record<string, unknown>, values);
      await writeAudit(tx, actor, { action: 'programme.update', entity: 'programme', entityId: current.id, ...diff });
      return { version: saved.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken();
    throw e;
  }
}

export type ProgrammeApplicant = {
  carrierId: number;
  carrierName: string;
  ventureId: number | null;
  ventureName: string | null;
  /** Null when eligible; otherwise why not (the applicant type, carrier kind or stage). */
  ineligible: FieldMessage | null;
};
export type OpenProgramme = Program & { applicants: ProgrammeApplicant[] };

/**
 * Programmes open today, each with the operator's carriers (carrier programmes) or the
 * ventures currently in them (venture programmes), and whether each may apply by kind and
 * stage. The remaining checks (blacklist, overdue projects, duplicates) run at submission.
 */
export async function openProgrammesFor(db: DbOrTx, scope: Scope, today: string): Promise<OpenProgramme[]> {
  const [open, ownCarriers, ownVentures] = await Promise.all([
    db
      .select()
      .from(programs)
      .where(and(eq(programs.status, 'open'), lte(programs.opensOn, today), gte(programs.closesOn, today)))
      .orderBy(asc(programs.closesOn), asc(programs.code)),
    db
      .select({ id: carriers.id, name: carriers.name, kind: carriers.kind })
      .from(carriers)
      .where(carrierCondition(scope, carriers.id))
      .orderBy(pinyin(carriers.name)),
    db
      .select({ id: ventures.id, name: ventures.name, stage: ventures.stage, carrierId: carriers.id, carrierName: carriers.name, kind: carriers.kind })
      .from(ventures)
      .innerJoin(carriers, eq(carriers.id, ventures.currentCarrierId))
      .where(carrierCondition(scope, ventures.currentCarrierId))
      .orderBy(pinyin(carriers.name), pinyin(ventures.name)),
  ]);
  if (scope.kind !== 'carriers') return open.map((p) => ({ ...p, applicants: [] }));
  return open.map((p) => ({
    ...p,
    applicants:
      p.applicantType === 'carrier'
        ? ownCarriers.map((c) => ({
            carrierId: c.id,
            carrierName: c.name,
            ventureId: null,
            ventureName: null,
            ineligible: applicantEligible(p, { type: 'carrier', carrierKind: c.kind, ventureStage: null }),
          }))
        : ownVentures.map((v) => ({
            carrierId: v.carrierId,
            carrierName: v.carrierName,
            ventureId: v.id,
            ventureName: v.name,
            ineligible: applicantEligible(p, { type: 'venture', carrierKind: v.kind, ventureStage: v.stage }),
          })),
  }));
}

export type BudgetFigures = {
  budgetFen: number;
  /** Approved and not released (see committedFenSql). */
  committedFen: number;
  paidFen: number;
  remainingFen: number;
  /** Paid / budget in per cent, one decimal; null for a zero budget. */
  executionRate: number | null;
  awards: number;
};
export type ProgrammeBudget = BudgetFigures & { programId: number; code: string; nameZh: string; nameEn: string; year: number; category: ProgrammeCategory };
export type YearBudget = BudgetFigures & { year: number; programmes: number };

/**
 * Per-programme sums of its applications, one row per programme, as a subquery: read from the
 * read model programme_totals, or, when `where` narrows them (the dashboard's carrier and
 * industry filters), summed from programme_funding, which holds them per programme, carrier and
 * industry (docs/read-models.md).
 */
export function programmeSums(db: DbOrTx, where?: SQL) {
  if (!where)
    // Unfiltered: one row per programme (programme_totals), whatever the size of the network.
    return db
      .select({
        programId: sql<number>`${programmeTotals.programId}`.as('program_id'),
        committed: sql<number>`${programmeTotals.committedFen}`.as('committed'),
        paid: sql<number>`${programmeTotals.paidFen}`.as('paid'),
        awards: sql<number>`${programmeTotals.awards}`.as('awards'),
      })
      .from(programmeTotals)
      .as('per_programme');
  return db
    .select({
      programId: sql<number>`${programmeFunding.programId}`.as('program_id'),
      committed: sql<number>`coalesce(sum(${programmeFunding.committedFen}), 0)::bigint`.as('committed'),
      paid: sql<number>`coalesce(sum(${programmeFunding.paidFen}), 0)::bigint`.as('paid'),
      awards: sql<number>`coalesce(sum(${programmeFunding.awards}), 0)::int`.as('awards'),
    })
    .from(programmeFunding)
    .innerJoin(carriers, eq(carriers.id, programmeFunding.carrierId))
    .where(where)
    .groupBy(programmeFunding.programId)
    .as('per_programme');
}

export function budgetFigures(budget: number, committed: number, paid: number, awards: number): BudgetFigures {
  return {
    budgetFen: budget,
    committedFen: committed,
    paidFen: paid,
    remainingFen: budget - committed,
    executionRate: budget > 0 ? Math.round((paid * 1000) / budget) / 10 : null,
    awards,
  };
}

/** Budget, committed, paid, remaining and execution per programme, in one query. */
export async function programmeBudgets(db: DbOrTx, f: { year?: number; programIds?: number[] } = {}): Promise<ProgrammeBudget[]> {
  const filters: (SQL | undefined)[] = [
    f.year === undefined ? undefined : eq(programs.year, f.year),
    f.programIds ? (f.programIds.length ? inArray(programs.id, f.programIds) : sql`false`) : undefined,
  ];
  return budgetsOf(db, programmeSums(db), and(...filters), desc(programs.year), asc(programs.code));
}

type ProgrammeSums = SubqueryWithSelection<
  { programId: SQL.Aliased<number>; committed: SQL.Aliased<number>; paid: SQL.Aliased<number>; awards: SQL.Aliased<number> },
  string
>;

/** The figures of the programmes matching `where`, from the per-programme sums `a` (programmeSums's, narrowed or not). */
export async function budgetsOf(db: DbOrTx, a: ProgrammeSums, where: SQL | undefined, ...orderBy: SQL[]): Promise<ProgrammeBudget[]> {
  const rows = await db
    .select({
      programId: programs.id,
      code: programs.code,
      nameZh: programs.nameZh,
      nameEn: programs.nameEn,
      year: programs.year,
      category: programs.category,
      budget: programs.budgetFen,
      committed: sql<number>`coalesce(${a.committed}, 0)`,
      paid: sql<number>`coalesce(${a.paid}, 0)`,
      awards: sql<number>`coalesce(${a.awards}, 0)`,
    })
    .from(programs)
    .leftJoin(a, eq(a.programId, programs.id))
    .where(where)
    .orderBy(...orderBy);
  return rows.map((r) => ({
    programId: r.programId,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    year: r.year,
    category: r.category,
    ...budgetFigures(Number(r.budget), Number(r.committed), Number(r.paid), Number(r.awards)),
  }));
}

/** The same figures summed per year (the committee's 预算执行率), in one query. */
export async function yearBudgets(db: DbOrTx, f: { year?: number } = {}): Promise<YearBudget[]> {
  const a = programmeSums(db);
  const rows = await db
    .select({
      year: programs.year,
      programmes: sql<number>`count(*)::int`,
      budget: sql<number>`sum(${programs.budgetFen})::bigint`,
      committed: sql<number>`coalesce(sum(${a.committed}), 0)::bigint`,
      paid: sql<number>`coalesce(sum(${a.paid}), 0)::bigint`,
      awards: sql<number>`coalesce(sum(${a.awards}), 0)::int`,
    })
    .from(programs)
    .leftJoin(a, eq(a.programId, programs.id))
    .where(f.year === undefined ? undefined : eq(programs.year, f.year))
    .groupBy(programs.year)
    .orderBy(desc(programs.year));
  return rows.map((r) => ({
    year: r.year,
    programmes: Number(r.programmes),
    ...budgetFigures(Number(r.budget), Number(r.committed), Number(r.paid), Number(r.awards)),
  }));
}

/** Locks the programme row for the rest of the transaction: approvals against one budget queue here. */
export async function lockProgramme(tx: Tx, programId: number): Promise<Program> {
  const [p] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
  if (!p) throw notFound();
  return p;
}
