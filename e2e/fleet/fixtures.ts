import type { Postgres } from './cluster';

/**
 * Set-up the fleet specs make as the database's owner, where the demo network has too few
 * records in the right state (it has one reviewed application per programme), and the reads
 * that check afterwards what the database holds. The writes under test go through the servers.
 */

export type ReviewedBatch = {
  programId: number;
  carrierId: number;
  applicationIds: number[];
  requestedFen: number;
  /** Committee members who may decide them: neither accepted nor reviewed them. */
  approvers: string[];
};

/**
 * `count` applications awaiting the decision in one open programme: the demo's reviewed
 * application of that programme and copies of it (with its reviews), each with a reference of
 * its own. The programme's budget is set so that `affordable` times the requested amount
 * remains uncommitted (1.5: one of them, not two).
 */
export async function reviewedApplications(pg: Postgres, db: string, count: number, affordable: number): Promise<ReviewedBatch> {
  const [source] = await pg.query<{ id: number; program_id: number; carrier_id: number; requested_fen: string; accepted_by: number }>(
    db,
    `SELECT a.id, a.program_id, a.carrier_id, a.requested_fen, a.accepted_by FROM applications a JOIN programs p ON p.id = a.program_id
      WHERE a.status = 'reviewed' AND p.status = 'open' AND p.funding_mode = 'pre_funded' ORDER BY a.requested_fen DESC LIMIT 1`,
  );
  if (!source) throw new Error('The demo network has no reviewed application in an open pre-funded programme');
  const ids = [source.id];
  for (let i = 1; i < count; i++) {
    const [copy] = await pg.query<{ id: number }>(
      db,
      `INSERT INTO applications (ref_no, program_id, carrier_id, venture_id, purpose, requested_fen, status, created_by, submitted_at, accepted_by, accepted_at)
       SELECT ref_no || '-F' || $2, program_id, carrier_id, venture_id, purpose, requested_fen, status, created_by, submitted_at, accepted_by, accepted_at
         FROM applications WHERE id = $1 RETURNING id`,
      [source.id, i],
    );
    await pg.query(
      db,
      `INSERT INTO reviews (application_id, reviewer_id, score, recommendation, recommended_fen, comment)
       SELECT $2, reviewer_id, score, recommendation, recommended_fen, comment FROM reviews WHERE application_id = $1`,
      [source.id, copy!.id],
    );
    ids.push(copy!.id);
  }
  await pg.query(
    db,
    `UPDATE programs SET budget_fen = $2 + coalesce((SELECT sum(coalesce(final_fen, approved_fen, 0)) FROM applications
       WHERE program_id = $1 AND status IN ('approved', 'paid', 'accepted')), 0)
       + coalesce((SELECT sum(paid_fen) FROM applications WHERE program_id = $1 AND status = 'acceptance_failed'), 0)
     WHERE id = $1`,
    [source.program_id, Math.floor(Number(source.requested_fen) * affordable)],
  );
  const approvers = await pg.query<{ email: string }>(
    db,
    `SELECT email FROM users WHERE role = 'committee' AND active AND NOT rights_pending AND id <> $2
       AND id NOT IN (SELECT reviewer_id FROM reviews WHERE application_id = $1) ORDER BY email`,
    [source.id, source.accepted_by],
  );
  return {
    programId: source.program_id,
    carrierId: source.carrier_id,
    applicationIds: ids,
    requestedFen: Number(source.requested_fen),
    approvers: approvers.map((a) => a.email),
  };
}

/** What the programme's budget allows and what its applications hold committed (as the portal counts it). */
export async function programmeMoney(pg: Postgres, db: string, programId: number): Promise<{ budgetFen: number; committedFen: number }> {
  const [row] = await pg.query<{ budget: string; committed: string }>(
    db,
    `SELECT p.budget_fen AS budget, coalesce(sum(CASE
        WHEN a.status IN ('approved', 'paid', 'accepted') THEN coalesce(a.final_fen, a.approved_fen, 0)
        WHEN a.status = 'acceptance_failed' THEN a.paid_fen ELSE 0 END), 0) AS committed
       FROM programs p LEFT JOIN applications a ON a.program_id = p.id WHERE p.id = $1 GROUP BY p.budget_fen`,
    [programId],
  );
  return { budgetFen: Number(row!.budget), committedFen: Number(row!.committed) };
}

export type ReportSlot = { id: number; carrierId: number; ventureId: number; year: number; quarter: number };

/** Reports already filed by the carriers of an operator (each may be corrected by them), newest first. */
export async function reportSlots(pg: Postgres, db: string, operatorEmail: string, count: number): Promise<ReportSlot[]> {
  const rows = await pg.query<{ id: number; carrier_id: number; venture_id: number; year: number; quarter: number }>(
    db,
    `SELECT r.id, r.carrier_id, r.venture_id, r.year, r.quarter FROM venture_reports r
       JOIN operator_carriers oc ON oc.carrier_id = r.carrier_id JOIN users u ON u.id = oc.user_id
      WHERE u.email = $1 ORDER BY r.year DESC, r.quarter DESC, r.id DESC LIMIT $2`,
    [operatorEmail, count],
  );
  if (rows.length < count) throw new Error(`${operatorEmail}'s carriers have ${rows.length} reports, ${count} wanted`);
  return rows.map((r) => ({ id: r.id, carrierId: r.carrier_id, ventureId: r.venture_id, year: r.year, quarter: r.quarter }));
}

/** The figures of one venture's report as the report form sends them (amounts in yuan), with the revenue given. */
export function reportRow(ventureId: number, revenueYuan: number): Record<string, string | number> {
  return {
    ventureId,
    revenueFen: String(revenueYuan),
    netProfitFen: '0',
    rdSpendFen: '0',
    taxFen: '0',
    financingFen: '0',
    employees: 3,
    ipFiled: 0,
    ipGranted: 0,
    inventionPatents: 0,
  };
}
