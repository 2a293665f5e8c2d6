import 'server-only';
import { sql } from 'drizzle-orm';
import { nationalCheck, type NationalCheck, type NationalFacts } from '@/lib/domain/national-check';
import type { DbOrTx } from '../../client';

/**
 * The figures of the national-level incubator check for several carriers in one query, and the
 * check itself (lib/domain/national-check.ts). Tenants are the open residencies; a tenant "filed
 * patents" when any of its quarterly reports has IP filed, and "holds valid IP" when any has IP
 * granted or invention patents; fund cases are the tenants with a financing recorded; graduates
 * are the carrier's verified graduations; statistics years are the years the carrier filed reports.
 */
export async function nationalFactsOf(db: DbOrTx, carrierIds: number[], today: string): Promise<Map<number, NationalFacts>> {
  const out = new Map<number, NationalFacts>();
  if (carrierIds.length === 0) return out;
  const ids = sql.join(
    carrierIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    WITH tenants AS (
      SELECT r.carrier_id, r.venture_id, r.area_m2, v.industry,
        EXISTS (SELECT 1 FROM venture_financings vf WHERE vf.venture_id = r.venture_id AND vf.received_on <= ${today}::date) AS financed,
        EXISTS (SELECT 1 FROM venture_reports vr WHERE vr.venture_id = r.venture_id AND vr.ip_filed > 0) AS filed_ip,
        EXISTS (SELECT 1 FROM venture_reports vr WHERE vr.venture_id = r.venture_id AND (vr.ip_granted > 0 OR vr.invention_patents > 0)) AS valid_ip
      FROM residencies r JOIN ventures v ON v.id = r.venture_id
      WHERE r.left_on IS NULL AND r.carrier_id IN (${ids})
    ),
    tenant_figures AS (
      SELECT carrier_id, count(*)::int AS tenants, coalesce(sum(area_m2), 0)::int AS occupied,
        count(*) FILTER (WHERE financed)::int AS financed,
        count(*) FILTER (WHERE filed_ip)::int AS filed_ip,
        count(*) FILTER (WHERE valid_ip)::int AS valid_ip
      FROM tenants GROUP BY carrier_id
    ),
    top_industry AS (
      SELECT carrier_id, max(n)::int AS n FROM (SELECT carrier_id, industry, count(*) AS n FROM tenants GROUP BY carrier_id, industry) x GROUP BY carrier_id
    ),
    stat_years AS (
      SELECT carrier_id, array_agg(DISTINCT year::int) AS years FROM venture_reports WHERE carrier_id IN (${ids}) GROUP BY carrier_id
    ),
    graduates AS (
      SELECT carrier_id, count(*)::int AS n FROM graduations WHERE status = 'verified' AND carrier_id IN (${ids}) GROUP BY carrier_id
    )
    SELECT c.id, c.operating_since::text AS operating_since, c.total_area_m2, c.incubation_area_m2, c.public_service_area_m2,
      c.seed_fund_fen, c.professional_staff, c.total_staff, c.mentors,
      coalesce(tf.tenants, 0) AS tenants, coalesce(tf.occupied, 0) AS occupied, coalesce(tf.financed, 0) AS financed,
      coalesce(tf.filed_ip, 0) AS filed_ip, coalesce(tf.valid_ip, 0) AS valid_ip, coalesce(ti.n, 0) AS top_industry,
      coalesce(sy.years, '{}') AS years, coalesce(g.n, 0) AS graduates
    FROM carriers c
    LEFT JOIN tenant_figures tf ON tf.carrier_id = c.id
    LEFT JOIN top_industry ti ON ti.carrier_id = c.id
    LEFT JOIN stat_years sy ON sy.carrier_id = c.id
    LEFT JOIN graduates g ON g.carrier_id = c.id
    WHERE c.id IN (${ids})`);
  for (const raw of result.rows as Record<string, unknown>[]) {
    const n = (k: string) => Number(raw[k] ?? 0);
    const years = raw.years;
    out.set(n('id'), {
      operatingSince: (raw.operating_since as string | null) ?? null,
      statisticsYears: (Array.isArray(years) ? years : parsePgArray(String(years))).map(Number),
      totalAreaM2: n('total_area_m2'),
      incubationAreaM2: n('incubation_area_m2'),
      publicServiceAreaM2: n('public_service_area_m2'),
      occupiedAreaM2: n('occupied'),
      seedFundFen: n('seed_fund_fen'),
      tenants: n('tenants'),
      financedTenants: n('financed'),
      professionalStaff: n('professional_staff'),
      totalStaff: n('total_staff'),
      mentors: n('mentors'),
      patentFiledTenants: n('filed_ip'),
      validIpTenants: n('valid_ip'),
      topIndustryTenants: n('top_industry'),
      graduates: n('graduates'),
      today,
    });
  }
  return out;
}

/** `{2024,2025}` as strings, for a driver that hands arrays back as text. */
function parsePgArray(s: string): string[] {
  const inner = s.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

/** The national-level check of the incubators among the carriers (other kinds are left out). */
export async function nationalChecksOf(
  db: DbOrTx,
  carriers: { id: number; kind: string }[],
  today: string,
): Promise<Map<number, { facts: NationalFacts; check: NationalCheck }>> {
  const incubators = carriers.filter((c) => c.kind === 'incubator').map((c) => c.id);
  const facts = await nationalFactsOf(db, incubators, today);
  const out = new Map<number, { facts: NationalFacts; check: NationalCheck }>();
  for (const [id, f] of facts) out.set(id, { facts: f, check: nationalCheck(f) });
  return out;
}
