import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { changedFields, writeAudit, type Actor } from '@/db/audit';
import { conflict, notFound } from '@/lib/errors';
import type { Db, DbOrTx } from '../../client';
import { carriers } from '../../schema';
import { activeBlacklistFor } from '../oversight/blacklist';
import { getCarrierProfile } from '../carriers/carriers';
import type { CarrierKind, CarrierLevel, CarrierStatus, VentureKind } from '@/lib/domain/vocabulary';

/**
 * The committee's page of one carrier: its profile, its current tenants (paged), its figures
 * per year, its subsidy applications in total and its blacklist entries in force; and the
 * committee's change of its accreditation. Committee only: callers check the role.
 */
const ALL = { kind: 'all' } as const;

export async function committeeCarrierProfile(db: DbOrTx, carrierId: number) {
  return getCarrierProfile(db, ALL, carrierId);
}

export type YearFigures = { year: number; tenants: number; admissions: number; graduates: number; revenueFen: number; financingFen: number };

/**
 * Per calendar year, from the carrier's first stay (at most the last ten years) to `today`'s:
 * ventures resident at any time in the year, admissions, verified graduations, and the revenue
 * and financing its tenants reported for the year.
 */
export async function carrierYearFigures(db: DbOrTx, carrierId: number, today: string): Promise<YearFigures[]> {
  const year = Number(today.slice(0, 4));
  const result = await db.execute(sql`
    WITH bounds AS (
      SELECT greatest(coalesce(least(
        (SELECT min(extract(year FROM r.entered_on))::int FROM residencies r WHERE r.carrier_id = ${carrierId}),
        (SELECT min(vr.year)::int FROM venture_reports vr WHERE vr.carrier_id = ${carrierId})), ${year}), ${year - 9}) AS lo
    ),
    years AS (SELECT generate_series((SELECT lo FROM bounds), ${year}) AS y),
    stays AS (
      SELECT y.y, count(DISTINCT r.venture_id)::int AS tenants,
        count(*) FILTER (WHERE extract(year FROM r.entered_on) = y.y)::int AS admissions
      FROM years y JOIN residencies r ON r.carrier_id = ${carrierId}
        AND r.entered_on <= make_date(y.y, 12, 31) AND (r.left_on IS NULL OR r.left_on >= make_date(y.y, 1, 1))
      GROUP BY y.y
    ),
    grads AS (
      SELECT extract(year FROM g.graduated_on)::int AS y, count(*)::int AS n
      FROM graduations g WHERE g.carrier_id = ${carrierId} AND g.status = 'verified' GROUP BY 1
    ),
    money AS (
      SELECT vr.year::int AS y, sum(vr.revenue_fen) AS revenue, sum(vr.financing_fen) AS financing
      FROM venture_reports vr WHERE vr.carrier_id = ${carrierId} GROUP BY 1
    )
    SELECT y.y AS year, coalesce(s.tenants, 0) AS tenants, coalesce(s.admissions, 0) AS admissions,
      coalesce(g.n, 0) AS graduates, coalesce(m.revenue, 0) AS revenue, coalesce(m.financing, 0) AS financing
    FROM years y LEFT JOIN stays s ON s.y = y.y LEFT JOIN grads g ON g.y = y.y LEFT JOIN money m ON m.y = y.y
    ORDER BY y.y`);
  return (result.rows as Record<string, unknown>[]).map((r) => ({
    year: Number(r.year),
    tenants: Number(r.tenants),
    admissions: Number(r.admissions),
    graduates: Number(r.graduates),
    revenueFen: Number(r.revenue),
    financingFen: Number(r.financing),
  }));
}

export type CarrierTenantRow = {
  ventureId: number;
  name: string;
  kind: VentureKind;
  stage: string;
  industry: string;
  enteredOn: string;
  areaM2: number;
  ruleWarnings: string[];
  financed: boolean;
};

/** The carrier's current tenants (open residencies), by name, one page at a time. */
export async function carrierTenants(
  db: DbOrTx,
  carrierId: number,
  today: string,
  p: { page: number; pageSize: number },
): Promise<{ rows: CarrierTenantRow[]; total: number }> {
  const result = await db.execute(sql`
    SELECT v.id AS "ventureId", v.name, v.kind, r.stage, v.industry, r.entered_on::text AS "enteredOn", r.area_m2 AS "areaM2",
      r.rule_warnings AS "ruleWarnings",
      EXISTS (SELECT 1 FROM venture_financings vf WHERE vf.venture_id = v.id AND vf.received_on <= ${today}::date) AS financed,
      count(*) OVER ()::int AS total
    FROM residencies r JOIN ventures v ON v.id = r.venture_id
    WHERE r.carrier_id = ${carrierId} AND r.left_on IS NULL
    ORDER BY v.name, v.id
    LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`);
  const rows = result.rows as Record<string, unknown>[];
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return {
    rows: rows.map((r) => ({
      ventureId: Number(r.ventureId),
      name: String(r.name),
      kind: r.kind as VentureKind,
      stage: String(r.stage),
      industry: String(r.industry),
      enteredOn: String(r.enteredOn),
      areaM2: Number(r.areaM2),
      ruleWarnings: Array.isArray(r.ruleWarnings) ? (r.ruleWarnings as string[]) : [],
      financed: Boolean(r.financed),
    })),
    total,
  };
}

export type ApplicationTotals = { applications: number; approved: number; requestedFen: number; approvedFen: number; paidFen: number };

/**
 * The carrier's subsidy applications (its own and its tenants'), drafts left out: how many,
 * what was asked, what was approved (the final amount where inspection set one) and what was paid.
 */
export async function carrierApplicationTotals(db: DbOrTx, carrierId: number): Promise<ApplicationTotals> {
  const result = await db.execute(sql`
    SELECT count(*)::int AS applications,
      count(*) FILTER (WHERE a.status IN ('approved', 'paid', 'accepted', 'acceptance_failed'))::int AS approved,
      coalesce(sum(a.requested_fen), 0) AS requested,
      coalesce(sum(coalesce(a.final_fen, a.approved_fen)) FILTER (WHERE a.status IN ('approved', 'paid', 'accepted', 'acceptance_failed')), 0) AS approved_fen,
      coalesce(sum(a.paid_fen), 0) AS paid
    FROM applications a WHERE a.carrier_id = ${carrierId} AND a.status <> 'draft'`);
  const r = (result.rows[0] ?? {}) as Record<string, unknown>;
  return {
    applications: Number(r.applications ?? 0),
    approved: Number(r.approved ?? 0),
    requestedFen: Number(r.requested ?? 0),
    approvedFen: Number(r.approved_fen ?? 0),
    paidFen: Number(r.paid ?? 0),
  };
}

/** The blacklist entries against the carrier in force today. */
export async function carrierBlacklistEntries(db: DbOrTx, carrierId: number, today: string) {
  return (await activeBlacklistFor(db, [{ kind: 'carrier', carrierId }], today)).get(`carrier:${carrierId}`) ?? [];
}

export type AccreditationInput = { carrierId: number; version: number; kind: CarrierKind; level: CarrierLevel; status: CarrierStatus };

/**
 * The committee's change of a carrier's accreditation (kind, level, status), guarded by the
 * version the form was loaded with, with an audit entry of the fields that changed.
 */
export async function updateAccreditation(db: Db, actor: Actor, input: AccreditationInput): Promise<{ version: number; changed: string[] }> {
  if (actor.role !== 'committee') throw notFound();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ kind: carriers.kind, level: carriers.level, status: carriers.status, version: carriers.version })
      .from(carriers)
      .where(eq(carriers.id, input.carrierId));
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    const next = { kind: input.kind, level: input.level, status: input.status };
    const diff = changedFields({ kind: before.kind, level: before.level, status: before.status }, next);
    const changed = Object.keys(diff.after);
    if (changed.length === 0) return { version: before.version, changed };
    const [row] = await tx
      .update(carriers)
      .set({ ...next, version: sql`${carriers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(carriers.id, input.carrierId), eq(carriers.version, input.version)))
      .returning({ version: carriers.version });
    if (!row) throw conflict();
    await writeAudit(tx, actor, {
      action: 'carrier.updateAccreditation',
      entity: 'carrier',
      entityId: input.carrierId,
      carrierId: input.carrierId,
      before: { ...diff.before, version: before.version },
      after: { ...diff.after, version: row.version },
    });
    return { version: row.version, changed };
  });
}
