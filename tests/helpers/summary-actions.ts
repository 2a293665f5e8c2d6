import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { mulberry32 } from '@/db/seed/random';
import { recordGraduation } from '@/db/queries/graduations/candidates';
import { rejectGraduation, verifyGraduation } from '@/db/queries/graduations/decisions';
import { saveQuarterReports } from '@/db/queries/reports/reports';
import {
  acceptApplication,
  createDraft,
  decideApplication,
  deleteDraft,
  inspectApplication,
  payApplication,
  reviewApplication,
  submitApplication,
  withdrawApplication,
} from '@/db/queries/subsidies/applications';
import { admitVentures } from '@/db/queries/ventures/admission';
import { updateVenture } from '@/db/queries/ventures/edits';
import { endResidency } from '@/db/queries/ventures/residencies';
import { updateAccreditation } from '@/db/queries/network/carrier-detail';
import { applications, carriers, graduations, residencies, ventures } from '@/db/schema';
import { CARRIER_KINDS, CARRIER_LEVELS, INDUSTRIES } from '@/lib/domain/vocabulary';
import { DomainError } from '@/lib/errors';
import type { Scope } from '@/lib/roles';
import { bindOperator, makeCarrier } from './fixtures';
import { makeTenant, PDF_BYTES } from './graduation-fixtures';
import { companyInput } from './residency-fixtures';
import { ALL, makeProgramme, makeSubsidyWorld, OPEN_ALL_YEAR, WAN, type SubsidyWorld } from './subsidy-fixtures';

/**
 * The write actions that change the rows the network summaries add up (quarterly reports,
 * graduations and their decisions, a venture's industry and high-tech certificate, stays ended
 * and begun, every step of a subsidy application), as the server actions call them, with their real actors. Each picks
 * its target and figures from a seeded random source; a refusal (DomainError) is an outcome
 * like any other, anything else is a failure.
 */
export const TODAY = '2026-11-26';

export type Rng = () => number;
/** A seeded generator (the seed's mulberry32), so that a failing sequence can be run again. */
export const seededRng = (seed: number): Rng => mulberry32(seed);
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

export type SummaryWorld = SubsidyWorld & { scope: Scope; carrierIds: number[]; ventureIds: number[]; programmeIds: number[] };

/** Two incubators of one operator, ten tenants of several industries (some with an exit), two programmes. */
export async function makeSummaryWorld(db: Db): Promise<SummaryWorld> {
  const w = await makeSubsidyWorld(db);
  const second = await makeCarrier(db, 'incubator');
  await bindOperator(db, w.operator.userId, second.id);
  const carrierIds = [w.carrier.id, second.id];
  const ventureIds: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = await makeTenant(db, carrierIds[i % 2]!, {
      industry: INDUSTRIES[i % 4],
      exitKind: i % 3 === 0 ? 'acquired' : null,
      highTechCertNo: i % 4 === 1 ? `GR2024310${String(i).padStart(5, '0')}` : null,
      highTechCertOn: i % 4 === 1 ? '2025-05-20' : null,
    });
    ventureIds.push(t.id);
  }
  const pre = await makeProgramme(db, { ...OPEN_ALL_YEAR, fundingMode: 'pre_funded' });
  const post = await makeProgramme(db, { ...OPEN_ALL_YEAR, fundingMode: 'post_subsidy', category: 'rd_post_subsidy' });
  return { ...w, scope: { kind: 'carriers', carrierIds }, carrierIds, ventureIds, programmeIds: [pre.id, post.id] };
}

let voucher = 0;

async function saveReports(w: SummaryWorld, rng: Rng) {
  const carrierId = pick(rng, w.carrierIds);
  const quarter = { carrierId, year: pick(rng, [2025, 2026]), quarter: int(rng, 1, 4) };
  // The tenants of the carrier during the quarter (a venture that graduated before it is not one).
  const start = `${quarter.year}-${String(quarter.quarter * 3 - 2).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(quarter.year, quarter.quarter * 3, 0)).toISOString().slice(0, 10);
  const { rows: tenants } = await w.db.execute<{ id: number }>(sql`
    SELECT DISTINCT venture_id AS id FROM residencies
    WHERE carrier_id = ${carrierId} AND entered_on <= ${end}::date AND (left_on IS NULL OR left_on >= ${start}::date)`);
  const chosen = tenants.map((t) => Number(t.id)).filter(() => rng() < 0.6);
  const rows = chosen.map((ventureId) => ({
    ventureId,
    revenueFen: int(rng, 0, 500) * WAN,
    netProfitFen: int(rng, -50, 50) * WAN,
    rdSpendFen: int(rng, 0, 80) * WAN,
    taxFen: int(rng, 0, 20) * WAN,
    financingFen: rng() < 0.2 ? int(rng, 1, 300) * WAN : 0,
    employees: int(rng, 1, 60),
    ipFiled: int(rng, 0, 3),
    ipGranted: int(rng, 0, 2),
    inventionPatents: int(rng, 0, 5),
  }));
  await w.db.transaction((tx) => saveQuarterReports(tx, w.operator, w.scope, quarter, rows, TODAY));
}

async function editVenture(w: SummaryWorld, rng: Rng) {
  // Mostly a current tenant (an operator edits those), sometimes any venture (then refused).
  const tenants = await w.db.select({ id: ventures.id }).from(ventures).where(inArray(ventures.currentCarrierId, w.carrierIds));
  const id = tenants.length && rng() < 0.9 ? pick(rng, tenants).id : pick(rng, w.ventureIds);
  const [v] = await w.db.select().from(ventures).where(eq(ventures.id, id));
  const certified = rng() < 0.5;
  await updateVenture(
    w.db,
    w.operator,
    w.scope,
    {
      ventureId: v!.id,
      version: v!.version,
      industry: rng() < 0.5 ? pick(rng, INDUSTRIES) : v!.industry,
      talentFlags: [],
      highTechCertNo: certified ? 'GR202531000777' : undefined,
      highTechCertOn: certified ? pick(rng, ['2024-12-01', '2025-03-31', '2025-08-15', '2026-04-01']) : undefined,
      exitKind: v!.exitKind ?? undefined,
      exitOn: v!.exitOn ?? undefined,
    },
    TODAY,
  );
}

async function graduate(w: SummaryWorld, rng: Rng) {
  const exits = await w.db.select({ id: ventures.id }).from(ventures).where(isNotNull(ventures.exitKind));
  const graduatedOn = `${pick(rng, ['2025', '2026'])}-${String(int(rng, 1, 10)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
  await recordGraduation(
    w.db,
    w.operator,
    w.scope,
    { ventureId: pick(rng, exits).id, graduatedOn, criteria: ['exit'], evidence: '收购协议', files: [{ name: '协议.pdf', content: PDF_BYTES }] },
    TODAY,
  );
}

async function decideGraduation(w: SummaryWorld, rng: Rng) {
  const pending = await w.db.select({ id: graduations.id }).from(graduations).where(eq(graduations.status, 'pending'));
  if (pending.length === 0) return;
  const graduationId = pick(rng, pending).id;
  if (rng() < 0.6) await verifyGraduation(w.db, w.inspector, { graduationId });
  else await rejectGraduation(w.db, w.inspector, { graduationId, reason: '材料不足' });
}

async function draft(w: SummaryWorld, rng: Rng) {
  const incubating = await w.db.select({ id: ventures.id, carrierId: ventures.currentCarrierId }).from(ventures).where(eq(ventures.stage, 'incubating'));
  const v = rng() < 0.9 && incubating.length ? pick(rng, incubating) : undefined;
  const ventureId = v?.id ?? pick(rng, w.ventureIds);
  await createDraft(w.db, w.operator, w.scope, {
    programId: pick(rng, w.programmeIds),
    carrierId: v?.carrierId ?? w.carrier.id,
    ventureId,
    purpose: '研发',
    requestedFen: int(rng, 1, 10) * WAN,
    indicators: [],
  });
}

/** One step on a random application, by the member whose step it usually is. */
async function step(w: SummaryWorld, rng: Rng) {
  const all = await w.db.select().from(applications);
  // Mostly one still under way, so that sequences reach approval, payment and inspection.
  const open = all.filter((x) => !['withdrawn', 'rejected', 'acceptance_failed'].includes(x.status));
  const apps = open.length && rng() < 0.9 ? open : all;
  if (apps.length === 0) return;
  const a = pick(rng, apps);
  const input = { applicationId: a.id, version: a.version };
  const granted = a.finalFen ?? a.approvedFen ?? 0;
  const steps: Record<string, () => Promise<unknown>> = {
    submit: () => submitApplication(w.db, w.operator, w.scope, input, TODAY),
    withdraw: () => withdrawApplication(w.db, w.operator, w.scope, input, TODAY),
    delete: () => deleteDraft(w.db, w.operator, w.scope, input, TODAY),
    accept: () => acceptApplication(w.db, w.acceptor, ALL, input, TODAY),
    review: () => reviewApplication(w.db, pick(rng, [w.reviewer, w.reviewer2]), ALL, { ...input, score: int(rng, 50, 95), recommendation: 'fund' }, TODAY),
    decide: () =>
      rng() < 0.75
        ? decideApplication(w.db, w.decider, ALL, { ...input, decision: 'approve', approvedFen: int(rng, 1, 10) * WAN, inspectionDueOn: '2026-12-31' }, TODAY)
        : decideApplication(w.db, w.decider, ALL, { ...input, decision: 'reject', reason: '不符合条件' }, TODAY),
    pay: () =>
      payApplication(
        w.db,
        w.acceptor,
        ALL,
        { ...input, amountFen: Math.max(1, Math.min(granted - a.paidFen, int(rng, 1, 10) * WAN)), paidOn: TODAY, voucherNo: `PZ-${Date.now()}-${voucher++}` },
        TODAY,
      ),
    inspect: () =>
      inspectApplication(
        w.db,
        w.inspector,
        ALL,
        { ...input, passed: rng() < 0.7, finalFen: a.approvedFen ? int(rng, 0, a.approvedFen / WAN) * WAN : undefined, comment: '验收', actuals: [] },
        TODAY,
      ),
  };
  // Mostly a step the status allows, sometimes any (a refusal must change nothing either).
  const usual: Record<string, string[]> = {
    draft: ['submit', 'submit', 'delete'],
    returned: ['submit', 'withdraw'],
    submitted: ['accept', 'withdraw'],
    in_review: ['review'],
    reviewed: ['decide', 'decide', 'review'],
    approved: ['pay', 'inspect'],
    paid: ['inspect', 'pay'],
    accepted: ['pay'],
  };
  const name = rng() < 0.85 && usual[a.status] ? pick(rng, usual[a.status]!) : pick(rng, Object.keys(steps));
  await steps[name]!();
}

/** The committee moves a carrier to another kind or level (its figures move with it in the network's quarters). */
async function accredit(w: SummaryWorld, rng: Rng) {
  const carrierId = pick(rng, w.carrierIds);
  const [c] = await w.db.select({ version: carriers.version, status: carriers.status }).from(carriers).where(eq(carriers.id, carrierId));
  await updateAccreditation(w.db, w.decider, {
    carrierId,
    version: c!.version,
    kind: pick(rng, CARRIER_KINDS),
    level: pick(rng, CARRIER_LEVELS),
    status: c!.status,
  });
}

const randomDay = (rng: Rng, from: string) => {
  const days = Math.floor((Date.parse('2026-11-20') - Date.parse(from)) / 86_400_000);
  return new Date(Date.parse(from) + int(rng, 1, Math.max(1, days)) * 86_400_000).toISOString().slice(0, 10);
};

/** An operator ends a tenant's open stay, on a day since it began (it moves on, or leaves). */
async function endStay(w: SummaryWorld, rng: Rng) {
  const open = await w.db
    .select({ ventureId: residencies.ventureId, residencyId: residencies.id, enteredOn: residencies.enteredOn, version: ventures.version })
    .from(residencies)
    .innerJoin(ventures, eq(ventures.id, residencies.ventureId))
    .where(sql`${residencies.leftOn} IS NULL`);
  if (open.length === 0) return;
  const r = pick(rng, open);
  const leftOn = randomDay(rng, r.enteredOn);
  await endResidency(w.db, w.operator, w.scope, { ...r, leftOn, reason: pick(rng, ['moved', 'moved', 'failed'] as const) }, TODAY);
}

/** An operator admits a company: one that moved on, again (at either carrier), or a new one. */
async function admit(w: SummaryWorld, rng: Rng) {
  const { rows: movedOn } = await w.db.execute<{ code: string; left: string }>(sql`
    SELECT v.credit_code AS code, max(r.left_on)::text AS left FROM ventures v JOIN residencies r ON r.venture_id = v.id
    WHERE v.current_carrier_id IS NULL AND v.stage = 'incubating' AND v.credit_code IS NOT NULL GROUP BY v.id`);
  const again = movedOn.length && rng() < 0.7 ? pick(rng, movedOn) : null;
  const enteredOn = again ? randomDay(rng, again.left) : randomDay(rng, '2024-06-01');
  const input = companyInput(pick(rng, w.carrierIds), { enteredOn, areaM2: int(rng, 20, 300), ...(again ? { creditCode: again.code } : {}) });
  const [r] = await w.db.transaction((tx) => admitVentures(tx, w.operator, w.scope, [input], TODAY));
  if (r && !w.ventureIds.includes(r.ventureId)) w.ventureIds.push(r.ventureId);
}

/**
 * A new incubator of the operator with `n` companies admitted on a day, for the cases that need
 * several tenants at once whatever the random sequences left (stays ended, carriers turned into
 * nurseries).
 */
export async function incubatorWithTenants(w: SummaryWorld, n: number, enteredOn: string): Promise<{ carrierId: number; ventureIds: number[] }> {
  const carrier = await makeCarrier(w.db, 'incubator');
  await bindOperator(w.db, w.operator.userId, carrier.id);
  w.carrierIds.push(carrier.id);
  const inputs = Array.from({ length: n }, () => companyInput(carrier.id, { enteredOn }));
  const admitted = await w.db.transaction((tx) => admitVentures(tx, w.operator, w.scope, inputs, TODAY));
  w.ventureIds.push(...admitted.map((r) => r.ventureId));
  return { carrierId: carrier.id, ventureIds: admitted.map((r) => r.ventureId) };
}

const ACTIONS: [weight: number, name: string, run: (w: SummaryWorld, rng: Rng) => Promise<void | unknown>][] = [
  [5, 'reports', saveReports],
  [2, 'edit venture', editVenture],
  [2, 'graduate', graduate],
  [2, 'decide graduation', decideGraduation],
  [2, 'draft', draft],
  [8, 'application step', step],
  [1, 'accreditation', accredit],
  [2, 'end stay', endStay],
  [2, 'admit', admit],
];

/** Runs one random action; returns its name and whether it was refused. */
export async function randomAction(w: SummaryWorld, rng: Rng): Promise<{ action: string; refused: boolean }> {
  let r = rng() * ACTIONS.reduce((s, [weight]) => s + weight, 0);
  const [, name, run] = ACTIONS.find(([weight]) => (r -= weight) < 0) ?? ACTIONS[0]!;
  try {
    await run(w, rng);
    return { action: name, refused: false };
  } catch (e) {
    if (e instanceof DomainError) return { action: name, refused: true };
    throw e;
  }
}
