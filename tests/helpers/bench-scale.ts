import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';

/**
 * Grows a loaded benchmark network (scripts/bench-data.ts) to `times` its size inside the
 * database: every venture with its stays, graduations, reports and applications is copied
 * `times - 1` times under new ids, names, credit codes and reference numbers. The copies never
 * live in carrier 1, the benchmark operator's incubator (its stays go to carrier 51, another
 * incubator), so that the operator's own data stays the same while the network around it grows,
 * as in the benchmark. INSERT … SELECT on the server: a tenfold network takes seconds.
 */
export async function multiplyBenchNetwork(db: Db, times: number): Promise<void> {
  if (times <= 1) return;
  if (times > 90) throw new Error('At most 90 times: the copies number their credit codes with two digits.');
  const copies = sql`generate_series(1, ${times - 1}) AS k`;
  const [{ step }] = (await db.execute<{ step: number }>(sql`SELECT max(id)::int AS step FROM ventures`)).rows as [{ step: number }];
  const carrier = (column: string) => sql.raw(`CASE WHEN ${column} = 1 THEN 51 ELSE ${column} END`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO ventures (id, kind, name, credit_code, credit_code_override, industry, technical_field, founded_on, founders,
        talent_flags, high_tech_cert_no, high_tech_cert_on, exit_kind, exit_on, stage, current_carrier_id)
      SELECT id + k * ${step}, kind, name || '-' || k, CASE WHEN credit_code IS NULL THEN NULL ELSE lpad(k::text, 2, '0') || substr(credit_code, 3) END,
        credit_code_override, industry, technical_field, founded_on, founders, talent_flags, high_tech_cert_no, high_tech_cert_on,
        exit_kind, exit_on, stage, ${carrier('current_carrier_id')}
      FROM ventures, ${copies}`);
    await tx.execute(sql`
      INSERT INTO residencies (venture_id, carrier_id, stage, entered_on, left_on, exit_reason, area_m2, workstations, rule_warnings)
      SELECT venture_id + k * ${step}, ${carrier('carrier_id')}, stage, entered_on, left_on, exit_reason, area_m2, workstations, rule_warnings
      FROM residencies, ${copies}`);
    await tx.execute(sql`
      INSERT INTO graduations (venture_id, carrier_id, graduated_on, criteria, evidence, status)
      SELECT venture_id + k * ${step}, ${carrier('carrier_id')}, graduated_on, criteria, evidence, status
      FROM graduations, ${copies}`);
    await tx.execute(sql`
      INSERT INTO venture_reports (venture_id, carrier_id, year, quarter, revenue_fen, net_profit_fen, rd_spend_fen, tax_fen,
        financing_fen, employees, ip_filed, ip_granted, invention_patents, filed_at, late)
      SELECT venture_id + k * ${step}, ${carrier('carrier_id')}, year, quarter, revenue_fen, net_profit_fen, rd_spend_fen, tax_fen,
        financing_fen, employees, ip_filed, ip_granted, invention_patents, filed_at, late
      FROM venture_reports, ${copies}`);
    await tx.execute(sql`
      INSERT INTO applications (ref_no, program_id, carrier_id, venture_id, purpose, requested_fen, approved_fen, final_fen, paid_fen,
        status, submitted_at)
      SELECT ref_no || '-' || k, program_id, ${carrier('carrier_id')}, venture_id + k * ${step}, purpose, requested_fen, approved_fen, final_fen,
        paid_fen, status, submitted_at
      FROM applications, ${copies}`);
    await tx.execute(sql`SELECT setval(pg_get_serial_sequence('ventures', 'id'), (SELECT max(id) FROM ventures))`);
  });
  await db.execute(sql`ANALYZE`);
}
