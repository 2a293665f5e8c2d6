/**
 * The demo network loader: a Pudong-style network of nurseries, incubators and accelerators
 * with their ventures, quarterly reports, graduations, programmes, applications in every
 * status, the blacklist and the annual targets. Everything is planned in memory from one
 * seeded PRNG (same `today`, same data), then written in bulk in a single transaction.
 * No 'server-only' here: scripts/seed.ts runs it outside Next.
 */
import { count } from 'drizzle-orm';
import { DEMO_TOTP_SECRET } from '../../lib/totp';
import type { Db, Tx } from '../connect';
import * as s from '../schema';
import { planApplications, type AppPlan } from './applications';
import { at, dayOf, isoOf, yearOf } from './calendar';
import { ACCOUNTS, CARRIERS, carrierCreditCode, servicesOf } from './carriers';
import { planNetwork } from './network';
import type { VenturePlan } from './plan-types';
import { planPrograms, planTargets, type ProgramPlan } from './programs';
import { chunks, createRng } from './random';
import { planReports } from './reports';
import { deferSummaries, rebuildSummaries } from '../summaries/refresh';
import { insertApplications, insertBlacklist, planBlacklist } from './subsidies';

export type SeedSummary = {
  users: number;
  carriers: number;
  ventures: number;
  residencies: number;
  financings: number;
  graduations: number;
  reports: number;
  programs: number;
  applications: number;
  applicationEvents: number;
  blacklistEntries: number;
  annualTargets: number;
};

export class DatabaseNotEmptyError extends Error {
  constructor(users: number) {
    super(
      `The database already holds data (${users} user account${users === 1 ? '' : 's'}); ` +
        'the demo network loads only into an empty database. Nothing was changed.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

/** The day the committee's 2015 plan was published; any fixed number would do. */
const SEED = 20150606;
const WAN = 1_000_000;

export async function seedDemo(db: Db, opts: { today: Date; passwordHash: string }): Promise<SeedSummary> {
  const today = dayOf(opts.today);
  const year = yearOf(today);
  const rng = createRng(SEED);
  const ventures = planNetwork(rng, today);
  checkOccupancy(ventures);
  const reports = planReports(rng, ventures, today);
  const programs = planPrograms(today, year);
  const blacklist = planBlacklist(ventures, today);
  const apps = planApplications(rng, ventures, programs, today, year, new Set([blacklist[0]!.venture]));
  checkBudgets(programs, apps);

  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(s.users);
    if (n > 0) throw new DatabaseNotEmptyError(n);
    // Summed once at the end rather than again by each chunk's statement.
    await deferSummaries(tx);

    const userIds = await insertUsers(tx, opts.passwordHash);
    const carrierIds = await insertCarriers(tx, userIds);
    const ventureIds = await insertVentures(tx, ventures, carrierIds);
    const network = await insertHistories(tx, ventures, ventureIds, carrierIds, userIds);

    const operatorOf = (carrier: string) => userIds.get(ACCOUNTS.find((a) => a.carriers.includes(carrier))?.email ?? '') ?? null;
    for (const part of chunks(reports)) {
      await tx.insert(s.ventureReports).values(
        part.map(({ venture, carrier, ...r }) => ({
          ...r,
          ventureId: ventureIds[venture]!,
          carrierId: carrierIds.get(carrier)!,
          filedBy: operatorOf(carrier),
          createdAt: r.filedAt,
          updatedAt: r.filedAt,
        })),
      );
    }

    const programIds = new Map<string, number>();
    const programRows = await tx
      .insert(s.programs)
      .values(programs.map((p) => ({ ...p, opensOn: isoOf(p.opensOn), closesOn: isoOf(p.closesOn) })))
      .returning({ id: s.programs.id, code: s.programs.code });
    for (const r of programRows) programIds.set(r.code, r.id);

    const events = await insertApplications(tx, apps, { programIds, carrierIds, ventureIds, userIds });
    await insertBlacklist(tx, blacklist, ventures, ventureIds, userIds);
    const targets = planTargets(year);
    await tx.insert(s.annualTargets).values(targets);
    await rebuildSummaries(tx);

    return {
      users: userIds.size,
      carriers: carrierIds.size,
      ventures: ventureIds.length,
      residencies: network.residencies,
      financings: network.financings,
      graduations: network.graduations,
      reports: reports.length,
      programs: programs.length,
      applications: apps.length,
      applicationEvents: events,
      blacklistEntries: blacklist.length,
      annualTargets: targets.length,
    };
  });
}

/**
 * Every demo account is enrolled in the second factor with the one published demo secret
 * (README), so that a demo can be signed into with any authenticator app.
 */
async function insertUsers(tx: Tx, passwordHash: string): Promise<Map<string, number>> {
  const enrolledAt = new Date();
  const rows = await tx
    .insert(s.users)
    .values(ACCOUNTS.map((a) => ({ email: a.email, name: a.name, role: a.role, passwordHash, totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: enrolledAt })))
    .returning({ id: s.users.id, email: s.users.email });
  return new Map(rows.map((r) => [r.email, r.id]));
}

async function insertCarriers(tx: Tx, userIds: Map<string, number>): Promise<Map<string, number>> {
  const rows = await tx
    .insert(s.carriers)
    .values(
      CARRIERS.map((c, i) => ({
        name: c.name,
        nameEn: c.nameEn,
        kind: c.kind,
        level: c.level,
        ownership: c.ownership,
        operatorOrg: c.operatorOrg,
        zone: c.zone,
        address: c.address,
        operatingSince: c.operatingSince,
        totalAreaM2: c.areas[0],
        incubationAreaM2: c.areas[1],
        publicServiceAreaM2: c.areas[2],
        workstations: c.workstations,
        seedFundFen: c.seedFundWan * WAN,
        professionalStaff: c.staff[0],
        totalStaff: c.staff[1],
        mentors: c.mentors,
        focusIndustries: [...c.focus],
        services: servicesOf(c.kind),
        specialised: c.specialised,
        contactName: c.contactName,
        contactPhone: c.contactPhone,
        contactEmail: c.contactEmail,
        creditCode: carrierCreditCode(i),
      })),
    )
    .returning({ id: s.carriers.id });
  const ids = new Map(CARRIERS.map((c, i) => [c.key, rows[i]!.id]));
  const bindings = ACCOUNTS.flatMap((a) => a.carriers.map((key) => ({ userId: userIds.get(a.email)!, carrierId: ids.get(key)! })));
  await tx.insert(s.operatorCarriers).values(bindings);
  return ids;
}

async function insertVentures(tx: Tx, ventures: readonly VenturePlan[], carrierIds: Map<string, number>): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(ventures)) {
    const rows = await tx
      .insert(s.ventures)
      .values(
        part.map((v) => {
          const since = at(v.residencies[0]?.entered ?? v.founded ?? 0, 3);
          return {
            kind: v.kind,
            name: v.name,
            creditCode: v.creditCode,
            industry: v.industry,
            technicalField: v.technicalField,
            foundedOn: v.founded === null ? null : isoOf(v.founded),
            founders: v.founders,
            talentFlags: v.talentFlags,
            highTechCertNo: v.highTechCertNo,
            highTechCertOn: v.highTechCertOn === null ? null : isoOf(v.highTechCertOn),
            exitKind: v.exitKind,
            exitOn: v.exitOn === null ? null : isoOf(v.exitOn),
            stage: v.stage,
            // The open residency's carrier; for a graduate, the incubator it graduated from.
            currentCarrierId: v.currentCarrier === null ? null : carrierIds.get(v.currentCarrier)!,
            createdAt: since,
            updatedAt: since,
          };
        }),
      )
      .returning({ id: s.ventures.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function insertHistories(
  tx: Tx,
  ventures: readonly VenturePlan[],
  ventureIds: readonly number[],
  carrierIds: Map<string, number>,
  userIds: Map<string, number>,
): Promise<{ residencies: number; financings: number; graduations: number }> {
  const residencies = ventures.flatMap((v, i) =>
    v.residencies.map((r) => ({
      ventureId: ventureIds[i]!,
      carrierId: carrierIds.get(r.carrier)!,
      stage: r.stage,
      enteredOn: isoOf(r.entered),
      leftOn: r.left === null ? null : isoOf(r.left),
      exitReason: r.exitReason,
      areaM2: r.areaM2,
      workstations: r.workstations,
      ruleWarnings: r.warnings,
      createdAt: at(r.entered, 2),
    })),
  );
  for (const part of chunks(residencies)) await tx.insert(s.residencies).values(part);

  // Each financing belongs to the stay it falls in (else the last one begun before it, else the first), as migration 0008 decided for existing rows.
  const stayCarrier = (v: VenturePlan, day: (typeof v.financings)[number]['day']) => {
    const stays = [...v.residencies].sort((a, b) => (isoOf(a.entered) < isoOf(b.entered) ? -1 : 1));
    const on = isoOf(day);
    const begun = stays.filter((r) => isoOf(r.entered) <= on);
    const stay = begun.find((r) => r.left === null || isoOf(r.left) > on) ?? begun.at(-1) ?? stays[0];
    return stay ? carrierIds.get(stay.carrier)! : null;
  };
  const financings = ventures.flatMap((v, i) =>
    v.financings.map((f) => ({
      ventureId: ventureIds[i]!,
      carrierId: stayCarrier(v, f.day),
      receivedOn: isoOf(f.day),
      amountFen: f.amountFen,
      investor: f.investor,
    })),
  );
  for (const part of chunks(financings)) await tx.insert(s.ventureFinancings).values(part);

  const committee = ['committee1@example.org', 'committee2@example.org', 'committee3@example.org'].map((e) => userIds.get(e)!);
  const graduations = ventures.flatMap((v, i) =>
    v.graduations.map((g, k) => {
      const operator = ACCOUNTS.find((a) => a.carriers.includes(g.carrier))?.email;
      return {
        ventureId: ventureIds[i]!,
        carrierId: carrierIds.get(g.carrier)!,
        graduatedOn: isoOf(g.day),
        criteria: g.criteria,
        evidence: g.evidence,
        recordedBy: operator ? userIds.get(operator)! : null,
        verifiedBy: g.decidedDay === null ? null : committee[(i + k) % committee.length]!,
        verifiedAt: g.decidedDay === null ? null : at(g.decidedDay, 6),
        rejectionReason: g.rejectionReason,
        status: g.status,
        createdAt: at(g.day, 5),
      };
    }),
  );
  for (const part of chunks(graduations)) await tx.insert(s.graduations).values(part);

  return { residencies: residencies.length, financings: financings.length, graduations: graduations.length };
}

/** Occupied space stays plausibly below each carrier's incubation area. */
function checkOccupancy(ventures: readonly VenturePlan[]): void {
  for (const c of CARRIERS) {
    const used = ventures.reduce((sum, v) => sum + v.residencies.filter((r) => r.carrier === c.key && r.left === null).reduce((a, r) => a + r.areaM2, 0), 0);
    if (used > c.areas[1] * 0.9) throw new Error(`Demo plan overfills ${c.name}: ${used} m² of ${c.areas[1]} m²`);
  }
}

/** The approved amounts of a programme never exceed its budget, nor an award its cap. */
function checkBudgets(programs: readonly ProgramPlan[], apps: readonly AppPlan[]): void {
  for (const p of programs) {
    const mine = apps.filter((a) => a.program === p.code);
    const approved = mine.reduce((sum, a) => sum + (a.approvedFen ?? 0), 0);
    if (approved > p.budgetFen || mine.some((a) => (a.approvedFen ?? 0) > p.capFen || a.requestedFen > p.capFen)) {
      throw new Error(`Demo applications overspend programme ${p.code}`);
    }
  }
}
