import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { todayInShanghai } from '../../lib/domain/dates';
import { ACCOUNTS } from '../accounts';
import { startFleet, verifyAuditChain, type AppServer, type Postgres } from './cluster';
import { Client, type ActionAnswer } from './client';
import { reportRow, reportSlots, reviewedApplications, type ReportSlot } from './fixtures';

/**
 * PostgreSQL restarts under two servers while operators save reports and the committee
 * approves applications (a bounded load of 100 writes over both servers). The servers are not
 * restarted: afterwards they answer new requests by themselves; every write they acknowledged
 * is in the database; every write they refused was refused with the portal's message for an
 * unreachable database (never a 500), and landed whole or not at all.
 */
const DB = 'portal_fleet_restart';
/** The portal's message for a database it cannot reach (messages/zh-CN/validation.json, outcome.unavailable). */
const UNAVAILABLE = /数据库暂时无法连接/;
const REPORTS_PER_OPERATOR = 40;
const APPROVALS = 20;

let pg: Postgres;
let a: AppServer;
let b: AppServer;
let pids: (number | undefined)[];

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async ({}, info) => {
  info.setTimeout(300_000);
  const fleet = await startFleet(DB, 2);
  pg = fleet.pg;
  [a, b] = fleet.servers as [AppServer, AppServer];
  pids = [a.pid, b.pid];
});

test.afterEach(async ({}, info) => {
  // What the servers printed, beside a failure.
  if (info.status !== info.expectedStatus) fs.writeFileSync(info.outputPath('servers.log'), `${a?.output}\n----\n${b?.output}`);
});

test.afterAll(async () => {
  await Promise.all([a, b].map((s) => s?.stop()));
  pg?.stop();
});

type Write = { kind: 'report'; slot: ReportSlot; revenueYuan: number } | { kind: 'approval'; applicationId: number; version: number };
type Outcome = { write: Write; server: AppServer; answer: ActionAnswer };

/** A write was refused as it should be when the database is gone: a normal answer, the portal's message, no field errors. */
function expectRefusedClearly(answer: ActionAnswer, what: string) {
  expect(answer.status, `${what}: ${answer.body.slice(0, 400)}`).toBe(200);
  expect(answer.result, what).toMatchObject({ ok: false, code: 'unavailable' });
  expect(answer.result!.message, what).toMatch(UNAVAILABLE);
}

function expectAcknowledgedOrRefused(o: Outcome, what: string) {
  expect(o.answer.status, `${what}: ${o.answer.body.slice(0, 400)}`).toBe(200);
  expect(o.answer.result, `${what}: ${o.answer.body.slice(0, 400)}`).not.toBeNull();
  if (!o.answer.result!.ok) expectRefusedClearly(o.answer, what);
}

/** Whether a write is in the database, and whole: the record and its audit entry together, or neither. */
async function landed(write: Write): Promise<boolean> {
  if (write.kind === 'report') {
    const fen = write.revenueYuan * 100;
    const [row] = await pg.query<{ revenue: string }>(DB, 'SELECT revenue_fen AS revenue FROM venture_reports WHERE id = $1', [write.slot.id]);
    const [audit] = await pg.query<{ n: string }>(
      DB,
      `SELECT count(*) AS n FROM audit_log WHERE entity = 'venture_report' AND entity_id = $1 AND (after->>'revenueFen')::bigint = $2`,
      [String(write.slot.id), fen],
    );
    const inRow = Number(row!.revenue) === fen;
    expect(Number(audit!.n), `report ${write.slot.id}: its audit entry goes with its row`).toBe(inRow ? 1 : 0);
    return inRow;
  }
  const [row] = await pg.query<{ status: string; events: string; audits: string; notices: string }>(
    DB,
    `SELECT a.status,
            (SELECT count(*) FROM application_events e WHERE e.application_id = a.id AND e.to_status = 'approved') AS events,
            (SELECT count(*) FROM audit_log l WHERE l.entity = 'application' AND l.entity_id = a.id::text AND l.action = 'application.approve') AS audits,
            (SELECT count(*) FROM notifications n WHERE n.link = '/operator/applications/' || a.id) AS notices
       FROM applications a WHERE a.id = $1`,
    [write.applicationId],
  );
  const approved = row!.status === 'approved';
  const trace = approved ? 1 : 0;
  expect({ events: Number(row!.events), audits: Number(row!.audits), notified: Number(row!.notices) > 0 }, `application ${write.applicationId}`).toEqual({
    events: trace,
    audits: trace,
    notified: approved,
  });
  return approved;
}

test('writes acknowledged across a PostgreSQL restart are all kept; the others were refused clearly and landed whole or not at all', async () => {
  const batch = await reviewedApplications(pg, DB, APPROVALS, APPROVALS + 1);
  const [opA, opB, comA, comB] = [new Client(), new Client(), new Client(), new Client()];
  expect(await opA.signIn(a.base, ACCOUNTS.operator)).toBeNull();
  expect(await opB.signIn(b.base, ACCOUNTS.operator2)).toBeNull();
  expect(await comA.signIn(a.base, batch.approvers[0]!)).toBeNull();
  expect(await comB.signIn(b.base, batch.approvers.at(-1)!)).toBeNull();
  const versions = await pg.query<{ id: number; version: number }>(DB, 'SELECT id, version FROM applications WHERE id = ANY($1)', [batch.applicationIds]);
  const due = `${Number(todayInShanghai().slice(0, 4)) + 1}-06-30`;

  const reports = (op: string, first: number) =>
    reportSlots(pg, DB, op, REPORTS_PER_OPERATOR).then((slots) => slots.map((slot, i): Write => ({ kind: 'report', slot, revenueYuan: first + i })));
  const approvals = (ids: number[]): Write[] => ids.map((id) => ({ kind: 'approval', applicationId: id, version: versions.find((v) => v.id === id)!.version }));
  const half = APPROVALS / 2;
  /** Four lanes, each a user on one server writing one thing after another. */
  const lanes: { client: Client; server: AppServer; writes: Write[] }[] = [
    { client: opA, server: a, writes: await reports(ACCOUNTS.operator, 810_000) },
    { client: opB, server: b, writes: await reports(ACCOUNTS.operator2, 820_000) },
    { client: comA, server: a, writes: approvals(batch.applicationIds.slice(0, half)) },
    { client: comB, server: b, writes: approvals(batch.applicationIds.slice(half)) },
  ];
  const send = (client: Client, server: AppServer, w: Write) =>
    w.kind === 'report'
      ? client.action(server.base, '/operator/reports', 'saveQuarterAction', {
          carrierId: w.slot.carrierId,
          year: w.slot.year,
          quarter: w.slot.quarter,
          rows: [reportRow(w.slot.ventureId, w.revenueYuan)],
        })
      : client.action(server.base, `/committee/applications/${w.applicationId}`, 'decideAction', {
          applicationId: w.applicationId,
          version: w.version,
          decision: 'approve',
          approvedFen: String(batch.requestedFen / 100),
          inspectionDueOn: due,
        });

  // The restart begins once a quarter of the writes are answered, with the others under way.
  // So that some are surely inside their transactions when it comes, the programme's row is
  // locked first: the next approval of each server waits for it, mid-transaction, until the
  // restart cuts its connection.
  const outcomes: Outcome[] = [];
  const total = lanes.reduce((n, l) => n + l.writes.length, 0);
  let restart: Promise<void> | null = null;
  let answeredBeforeRestart = 0;
  let answeredAfterRestart = 0;
  const restartUnderWaitingApprovals = async () => {
    const lock = await pg.hold(DB, 'SELECT id FROM programs WHERE id = $1 FOR UPDATE', [batch.programId]);
    await expect.poll(() => pg.lockWaiters(DB), { timeout: 30_000, message: 'an approval of each server waits for the budget lock' }).toBe(2);
    await pg.restart();
    answeredAfterRestart = outcomes.length;
    await lock.release();
  };
  await Promise.all(
    lanes.map(async (lane) => {
      // The lanes keep a steady pace and end together, so that writes are still coming when the database is back.
      const pause = (25 * REPORTS_PER_OPERATOR) / lane.writes.length;
      for (const [i, write] of lane.writes.entries()) {
        const answer = await send(lane.client, lane.server, write);
        outcomes.push({ write, server: lane.server, answer });
        if (!restart && outcomes.length >= total / 4) {
          answeredBeforeRestart = outcomes.length;
          restart = restartUnderWaitingApprovals();
        }
        if (i < lane.writes.length - 1) await new Promise((r) => setTimeout(r, pause));
      }
    }),
  );
  await restart;
  expect(outcomes).toHaveLength(100);
  expect(answeredBeforeRestart).toBeLessThan(total);
  expect(answeredAfterRestart, 'writes were still being sent when PostgreSQL came back').toBeLessThan(total);

  // Every answer was an acknowledgement or the portal's refusal; never a 500 or a stack.
  for (const o of outcomes) expectAcknowledgedOrRefused(o, `${o.write.kind} via ${o.server.base}`);
  const acknowledged = outcomes.filter((o) => o.answer.result!.ok);
  const refused = outcomes.filter((o) => !o.answer.result!.ok);
  // At least the two approvals that waited for the lock were cut mid-transaction and refused.
  expect(refused.filter((o) => o.write.kind === 'approval').length).toBeGreaterThanOrEqual(2);

  // Every acknowledged write is in the database; the refused ones landed whole or not at all.
  let kept = 0;
  for (const o of acknowledged) if (await landed(o.write)) kept++;
  expect(kept).toBe(acknowledged.length);
  let refusedButLanded = 0;
  for (const o of refused) if (await landed(o.write)) refusedButLanded++;
  console.log(
    `${acknowledged.length} writes acknowledged and kept, ${refused.length} refused (${refusedButLanded} of them had committed); restart after ${answeredBeforeRestart} answers, back after ${answeredAfterRestart}`,
  );
  test.info().annotations.push({
    type: 'writes',
    description: `${acknowledged.length} acknowledged and kept, ${refused.length} refused (${refusedButLanded} of them had committed), restart after ${answeredBeforeRestart} answers`,
  });

  // The servers were never restarted, and both take new writes by themselves.
  expect([a.pid, b.pid]).toEqual(pids);
  expect(a.running && b.running).toBe(true);
  const again = [...refused.filter((o) => o.write.kind === 'report'), ...acknowledged.filter((o) => o.write.kind === 'report').slice(0, 2)];
  for (const o of again) {
    const lane = lanes.find((l) => l.writes.includes(o.write))!;
    const answer = await send(lane.client, lane.server, o.write);
    expect(answer.result, answer.body.slice(0, 300)).toMatchObject({ ok: true });
    expect(await landed(o.write)).toBe(true);
  }
  for (const server of [a, b]) expect((await opA.page(server.base, '/operator/reports')).status).toBe(200);

  const verified = verifyAuditChain(pg, DB);
  expect(verified.status, verified.output).toBe(0);
});

test('while PostgreSQL is down, a write is refused with the portal message; once it is up, the same write succeeds on both servers', async () => {
  const op = new Client();
  expect(await op.signIn(a.base, ACCOUNTS.operator)).toBeNull();
  const [slotA, slotB] = await reportSlots(pg, DB, ACCOUNTS.operator, 2);
  const save = (server: AppServer, slot: ReportSlot, yuan: number) =>
    op.action(server.base, '/operator/reports', 'saveQuarterAction', {
      carrierId: slot.carrierId,
      year: slot.year,
      quarter: slot.quarter,
      rows: [reportRow(slot.ventureId, yuan)],
    });

  pg.pause();
  try {
    for (const [server, slot] of [
      [a, slotA],
      [b, slotB],
    ] as const) {
      expectRefusedClearly(await save(server, slot!, 930_000), server.base);
      // A page has nothing to show: the error page, without a stack.
      const page = await op.page(server.base, '/operator/reports');
      expect(page.html).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED/);
    }
  } finally {
    pg.resume();
  }
  for (const [server, slot] of [
    [a, slotA],
    [b, slotB],
  ] as const) {
    const answer = await save(server, slot!, 940_000);
    expect(answer.result, answer.body.slice(0, 300)).toMatchObject({ ok: true, data: { saved: 1 } });
    expect(await landed({ kind: 'report', slot: slot!, revenueYuan: 940_000 })).toBe(true);
  }
  expect([a.pid, b.pid]).toEqual(pids);
});
