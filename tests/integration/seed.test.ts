import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/connect';
import { runMigrations } from '@/db/migrate';
import { seedDemo, type SeedSummary } from '@/db/seed/demo';
import { applicationRefNo } from '@/lib/domain/application-number';
import { validateCreditCode } from '@/lib/domain/credit-code';

/** bcrypt hash of 'demo1234demo' (cost 10), precomputed so the test does not spend time hashing. */
const PASSWORD_HASH = '$2b$10$SV6dqfE.EJ.i0NSZgSME0es1a7ffRbixznxQK/Nc93mj6dAwuBw/S';
const TODAY = new Date('2026-11-26');

async function seeded(): Promise<{ handle: DatabaseHandle; summary: SeedSummary }> {
  const handle = openDatabase('memory:');
  await runMigrations(handle);
  const summary = await seedDemo(handle.db, { today: TODAY, passwordHash: PASSWORD_HASH });
  return { handle, summary };
}

describe('demo network loader', () => {
  let handle: DatabaseHandle;
  let summary: SeedSummary;

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const res = await handle.db.execute(query);
    return res.rows as T[];
  }

  async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
    const [row] = await rows<T>(query);
    return row!;
  }

  beforeAll(async () => {
    ({ handle, summary } = await seeded());
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('loads at least 12 carriers covering nurseries, incubators and accelerators', async () => {
    const kinds = await rows<{ kind: string; n: number }>(sql`SELECT kind, count(*)::int AS n FROM carriers GROUP BY kind`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['accelerator', 'incubator', 'nursery']);
    expect(kinds.reduce((s, k) => s + k.n, 0)).toBeGreaterThanOrEqual(12);
    expect(summary.carriers).toBeGreaterThanOrEqual(12);
  });

  it('loads at least 300 ventures in all five stages', async () => {
    const stages = await rows<{ stage: string; n: number }>(sql`SELECT stage, count(*)::int AS n FROM ventures GROUP BY stage`);
    expect(stages.map((s) => s.stage).sort()).toEqual(['accelerating', 'exited', 'graduated', 'incubating', 'nursery']);
    expect(stages.reduce((s, k) => s + k.n, 0)).toBeGreaterThanOrEqual(300);
  });

  it('has at least two applications in every status', async () => {
    const statuses = await rows<{ status: string; n: number }>(
      sql`SELECT e.status::text AS status, count(a.id)::int AS n
          FROM unnest(enum_range(NULL::application_status)) AS e(status)
          LEFT JOIN applications a ON a.status = e.status GROUP BY e.status`,
    );
    expect(statuses).toHaveLength(11);
    for (const s of statuses) expect(s.n, s.status).toBeGreaterThanOrEqual(2);
  });

  it('gives every company a valid, unique credit code and no team a code', async () => {
    const companies = await rows<{ credit_code: string | null }>(sql`SELECT credit_code FROM ventures WHERE kind = 'company'`);
    expect(companies.length).toBeGreaterThan(200);
    for (const c of companies) expect(validateCreditCode(c.credit_code ?? '').ok, c.credit_code ?? 'null').toBe(true);
    expect(new Set(companies.map((c) => c.credit_code)).size).toBe(companies.length);
    const teams = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM ventures WHERE kind = 'team' AND credit_code IS NOT NULL`);
    expect(teams.n).toBe(0);
  });

  it('numbers the applications as the portal numbers a new one, oldest first', async () => {
    const apps = await rows<{ id: number; refNo: string; code: string }>(
      sql`SELECT a.id, a.ref_no AS "refNo", p.code FROM applications a JOIN programs p ON p.id = a.program_id ORDER BY a.created_at, a.id`,
    );
    expect(apps.length).toBeGreaterThan(0);
    for (const a of apps) expect(a.refNo).toBe(applicationRefNo(a.code, a.id));
    const ids = apps.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it('keeps at most one open residency per venture', async () => {
    const dup = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT venture_id FROM residencies WHERE left_on IS NULL GROUP BY venture_id HAVING count(*) > 1) d`,
    );
    expect(dup.n).toBe(0);
  });

  it("derives each venture's stage and current carrier from its residencies", async () => {
    const mismatched = await rows<{ id: number; stage: string }>(sql`
      SELECT v.id, v.stage::text AS stage FROM ventures v
      LEFT JOIN residencies r ON r.venture_id = v.id AND r.left_on IS NULL
      WHERE CASE
        WHEN v.stage IN ('nursery', 'incubating', 'accelerating')
          THEN r.id IS NULL OR r.stage::text <> v.stage::text OR r.carrier_id IS DISTINCT FROM v.current_carrier_id
        WHEN v.stage = 'graduated'
          THEN r.id IS NOT NULL OR v.current_carrier_id IS DISTINCT FROM (
            SELECT g.carrier_id FROM residencies g WHERE g.venture_id = v.id AND g.exit_reason = 'graduated'
            ORDER BY g.left_on DESC LIMIT 1)
        ELSE r.id IS NOT NULL OR v.current_carrier_id IS NOT NULL
      END`);
    expect(mismatched).toEqual([]);
  });

  it('keeps residencies in carriers of the matching kind, closed ones with a reason', async () => {
    const wrongKind = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM residencies r JOIN carriers c ON c.id = r.carrier_id
      WHERE (r.stage = 'nursery' AND c.kind <> 'nursery') OR (r.stage = 'incubating' AND c.kind <> 'incubator')
         OR (r.stage = 'accelerating' AND c.kind <> 'accelerator')`);
    expect(wrongKind.n).toBe(0);
    const warned = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM residencies WHERE cardinality(rule_warnings) > 0`);
    expect(warned.n).toBeGreaterThan(0);
    const overfull = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM carriers c
      WHERE (SELECT coalesce(sum(area_m2), 0) FROM residencies r WHERE r.carrier_id = c.id AND r.left_on IS NULL) > c.incubation_area_m2`);
    expect(overfull.n).toBe(0);
  });

  it('never has one person review and decide, or decide and inspect, one application', async () => {
    const clash = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM applications a
      WHERE a.decided_by IS NOT NULL AND (
        a.decided_by = a.inspected_by
        OR EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = a.id AND (r.reviewer_id = a.decided_by OR r.reviewer_id = a.inspected_by)))`);
    expect(clash.n).toBe(0);
  });

  it('never has the decider of an application pay it (审批与支付分离)', async () => {
    const paid = await one<{ n: number; clash: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE d.paid_by = a.decided_by)::int AS clash
      FROM disbursements d JOIN applications a ON a.id = d.application_id`);
    expect(paid.n).toBeGreaterThan(0);
    expect(paid.clash).toBe(0);
  });

  it('has one of each of the three administrators, with their rights in force', async () => {
    const admins = await rows<{ email: string; role: string; active: boolean; rights_pending: boolean }>(sql`
      SELECT email, role::text AS role, active, rights_pending FROM users WHERE role IN ('admin', 'security', 'auditor') ORDER BY email`);
    expect(admins).toEqual([
      { email: 'admin@example.org', role: 'admin', active: true, rights_pending: false },
      { email: 'auditor@example.org', role: 'auditor', active: true, rights_pending: false },
      { email: 'security@example.org', role: 'security', active: true, rights_pending: false },
    ]);
  });

  it('keeps approved amounts within each programme budget and cap, and payments consistent', async () => {
    const over = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM programs p
      WHERE (SELECT coalesce(sum(approved_fen), 0) FROM applications a WHERE a.program_id = p.id) > p.budget_fen
         OR EXISTS (SELECT 1 FROM applications a WHERE a.program_id = p.id AND a.approved_fen > p.cap_fen)`);
    expect(over.n).toBe(0);
    const unpaid = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM applications a
      WHERE a.paid_fen <> (SELECT coalesce(sum(amount_fen), 0) FROM disbursements d WHERE d.application_id = a.id)`);
    expect(unpaid.n).toBe(0);
    const overdue = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM applications a JOIN programs p ON p.id = a.program_id
      WHERE a.status = 'paid' AND p.funding_mode = 'pre_funded' AND a.inspected_at IS NULL AND a.inspection_due_on < '2026-11-26'`);
    expect(overdue.n).toBeGreaterThanOrEqual(1);
  });

  it('binds operator1 to one incubator and one nursery, operator2 to a different incubator', async () => {
    const bound = await rows<{ email: string; kind: string; carrier_id: number }>(sql`
      SELECT u.email, c.kind::text AS kind, c.id AS carrier_id FROM operator_carriers oc
      JOIN users u ON u.id = oc.user_id JOIN carriers c ON c.id = oc.carrier_id
      WHERE u.email IN ('operator1@example.org', 'operator2@example.org') ORDER BY u.email, c.kind`);
    const op1 = bound.filter((b) => b.email === 'operator1@example.org');
    const op2 = bound.filter((b) => b.email === 'operator2@example.org');
    expect(op1.map((b) => b.kind).sort()).toEqual(['incubator', 'nursery']);
    expect(op2.map((b) => b.kind)).toEqual(['incubator']);
    expect(op2[0]!.carrier_id).not.toBe(op1.find((b) => b.kind === 'incubator')!.carrier_id);
  });

  it('enrols every demo account in the second factor with the published demo secret', async () => {
    const accounts = await rows<{ email: string; totp_secret: string | null; enrolled: boolean }>(sql`
      SELECT email, totp_secret, totp_enabled_at IS NOT NULL AS enrolled FROM users ORDER BY email`);
    expect(accounts.length).toBeGreaterThanOrEqual(6);
    for (const a of accounts) expect(a, a.email).toMatchObject({ totp_secret: 'JBSWY3DPEHPK3PXP', enrolled: true });
  });

  it('files reports for eight quarters, some late and some missing', async () => {
    const periods = await rows<{ year: number; quarter: number }>(
      sql`SELECT DISTINCT year::int AS year, quarter::int AS quarter FROM venture_reports ORDER BY 1, 2`,
    );
    expect(periods).toHaveLength(8);
    expect(periods.at(-1)).toEqual({ year: 2026, quarter: 3 });
    const late = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM venture_reports WHERE late`);
    expect(late.n).toBeGreaterThan(0);
    const missing = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM ventures v
      WHERE EXISTS (SELECT 1 FROM residencies r WHERE r.venture_id = v.id AND r.entered_on <= '2026-09-30' AND (r.left_on IS NULL OR r.left_on > '2026-09-30'))
        AND NOT EXISTS (SELECT 1 FROM venture_reports p WHERE p.venture_id = v.id AND p.year = 2026 AND p.quarter = 3)`);
    expect(missing.n).toBeGreaterThan(0);
  });

  it('refuses to load into a database that already holds users', async () => {
    await expect(seedDemo(handle.db, { today: TODAY, passwordHash: PASSWORD_HASH })).rejects.toThrow(/already holds data/);
    const users = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    expect(users.n).toBe(summary.users);
  });

  it('produces the same network on a second run', async () => {
    const again = await seeded();
    try {
      expect(again.summary).toEqual(summary);
      const fingerprint = sql`SELECT md5(string_agg(name || coalesce(credit_code, '') || stage, ',' ORDER BY id)) AS h FROM ventures`;
      const [a] = (await handle.db.execute(fingerprint)).rows as { h: string }[];
      const [b] = (await again.handle.db.execute(fingerprint)).rows as { h: string }[];
      expect(b!.h).toBe(a!.h);
    } finally {
      await again.handle.close();
    }
  });
});
