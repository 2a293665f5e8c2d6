import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { todayInShanghai } from '../../lib/domain/dates';
import { ACCOUNTS } from '../accounts';
import { startFleet, verifyAuditChain, type AppServer, type Postgres } from './cluster';
import { Client } from './client';
import { programmeMoney, reportRow, reportSlots, reviewedApplications } from './fixtures';

/**
 * Two production servers on one PostgreSQL database behave as one: what one server counts,
 * locks, ends or writes, the other sees at once, because none of it is kept in a server's
 * memory. Over HTTP, through the portal's own sign-in, pages and server actions.
 */
const DB = 'portal_fleet_two';
let pg: Postgres;
let a: AppServer;
let b: AppServer;
let anchorFiles: string[];

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async ({}, info) => {
  info.setTimeout(300_000);
  const fleet = await startFleet(DB, 2);
  pg = fleet.pg;
  [a, b] = fleet.servers as [AppServer, AppServer];
  anchorFiles = fleet.anchorFiles;
});

test.afterEach(async ({}, info) => {
  // What the servers printed, beside a failure.
  if (info.status !== info.expectedStatus) fs.writeFileSync(info.outputPath('servers.log'), `${a?.output}\n----\n${b?.output}`);
});

test.afterAll(async () => {
  await Promise.all([a, b].map((s) => s?.stop()));
  pg?.stop();
});

test('sign-in failures spread over both servers count together and lock the account at that address', async () => {
  const guesser = new Client();
  const answers: (string | null)[] = [];
  for (let i = 0; i < 5; i++) answers.push(await guesser.signIn(i % 2 ? b.base : a.base, 'operator3@example.org', `wrong-${i}`));
  expect(answers).toEqual(Array(5).fill('CredentialsSignin'));
  // The right password now: refused on both servers, whichever took the fifth failure.
  expect(await guesser.signIn(b.base, 'operator3@example.org')).toBe('throttled');
  expect(await guesser.signIn(a.base, 'operator3@example.org')).toBe('throttled');
  expect(guesser.hasSession).toBe(false);

  // Five failures at the same moment, split over the servers, are all counted.
  // (A client each: one cookie jar cannot hold five sign-in forms at once.)
  const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => new Client().signIn(i % 2 ? b.base : a.base, 'operator4@example.org', `guess-${i}`)));
  expect(burst).toEqual(Array(5).fill('CredentialsSignin'));
  expect(await new Client().signIn(b.base, 'operator4@example.org')).toBe('throttled');
});

test('a session opened on one server works on the other, and signing out on one ends it on both', async () => {
  const user = new Client();
  expect(await user.signIn(a.base, ACCOUNTS.auditor)).toBeNull();
  for (const server of [a, b]) expect((await user.page(server.base, '/auditor')).status, server.base).toBe(200);

  const copy = user.clone();
  await user.signOut(a.base);
  for (const server of [a, b]) {
    const page = await copy.page(server.base, '/auditor');
    expect(page.status, server.base).toBe(307);
    expect(page.location, server.base).toMatch(/\/login/);
  }
});

test("ending one's other sessions on one server ends them on the other", async () => {
  const first = new Client();
  const second = new Client();
  expect(await first.signIn(a.base, ACCOUNTS.admin)).toBeNull();
  expect(await second.signIn(b.base, ACCOUNTS.admin)).toBeNull();
  expect((await first.page(b.base, '/admin')).status).toBe(200);

  const ended = await second.action(b.base, '/account/sessions', 'endOtherSessionsAction', {});
  expect(ended.result, ended.body).toMatchObject({ ok: true });
  for (const server of [a, b]) {
    expect((await first.page(server.base, '/admin')).status, server.base).toBe(307);
    expect((await second.page(server.base, '/admin')).status, server.base).toBe(200);
  }
});

test('two approvals against one budget at the same moment, one on each server: only what the budget holds is approved', async () => {
  // Two applications that the remaining budget affords one at a time, not both.
  const batch = await reviewedApplications(pg, DB, 2, 1.5);
  const { requestedFen } = batch;
  const before = await programmeMoney(pg, DB, batch.programId);
  expect(batch.approvers.length).toBeGreaterThanOrEqual(1);
  const [x, y] = [new Client(), new Client()];
  expect(await x.signIn(a.base, batch.approvers[0]!)).toBeNull();
  expect(await y.signIn(b.base, batch.approvers.at(-1)!)).toBeNull();

  const due = `${Number(todayInShanghai().slice(0, 4)) + 1}-06-30`;
  const versions = await pg.query<{ id: number; version: number }>(DB, 'SELECT id, version FROM applications WHERE id = ANY($1)', [batch.applicationIds]);
  const approve = (c: Client, server: AppServer, applicationId: number) =>
    c.action(server.base, `/committee/applications/${applicationId}`, 'decideAction', {
      applicationId,
      version: versions.find((v) => v.id === applicationId)!.version,
      decision: 'approve',
      approvedFen: String(requestedFen / 100),
      inspectionDueOn: due,
    });
  const [first, second] = batch.applicationIds as [number, number];
  const answers = await Promise.all([approve(x, a, first), approve(y, b, second)]);
  for (const answer of answers) expect(answer.status, answer.body.slice(0, 300)).toBe(200);
  const results = answers.map((r) => r.result!);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const refusal = results.find((r) => !r.ok)!;
  expect(refusal.code).toBe('invalid');
  expect(refusal.fieldErrors?.approvedFen?.join(' ')).toMatch(/预算|budget/i);
  const after = await programmeMoney(pg, DB, batch.programId);
  expect(after.committedFen).toBe(before.committedFen + requestedFen);
  expect(after.committedFen).toBeLessThanOrEqual(after.budgetFen);

  // The approved one, paid twice at the same moment (one payment per server): paid once.
  const [approved] = await pg.query<{ id: number; version: number; decided_by: number }>(
    DB,
    "SELECT id, version, decided_by FROM applications WHERE id = ANY($1) AND status = 'approved'",
    [batch.applicationIds],
  );
  const [payer] = await pg.query<{ email: string }>(DB, "SELECT email FROM users WHERE role = 'committee' AND id <> $1 ORDER BY email LIMIT 1", [
    approved!.decided_by,
  ]);
  const p = new Client();
  expect(await p.signIn(a.base, payer!.email)).toBeNull();
  const pay = (server: AppServer, voucherNo: string) =>
    p.action(server.base, `/committee/applications/${approved!.id}`, 'payAction', {
      applicationId: approved!.id,
      version: approved!.version,
      amountFen: String(requestedFen / 100),
      paidOn: todayInShanghai(),
      voucherNo,
    });
  const payments = await Promise.all([pay(a, `FLEET-A-${Date.now()}`), pay(b, `FLEET-B-${Date.now()}`)]);
  expect(payments.map((r) => r.result?.ok).sort()).toEqual([false, true]);
  expect(payments.find((r) => !r.result!.ok)!.result!.code).toBe('conflict');
  const [paid] = await pg.query<{ paid: string; n: string }>(
    DB,
    'SELECT a.paid_fen AS paid, (SELECT count(*) FROM disbursements d WHERE d.application_id = a.id) AS n FROM applications a WHERE a.id = $1',
    [approved!.id],
  );
  expect({ paid: Number(paid!.paid), n: Number(paid!.n) }).toEqual({ paid: requestedFen, n: 1 });
});

test('a notification written through one server is read, and marked read, through the other', async () => {
  // A decision on server A tells the applicant's operators; one of them reads it on server B.
  const [app] = await pg.query<{ id: number; version: number; ref_no: string; operator: string; decider: string }>(
    DB,
    `SELECT a.id, a.version, a.ref_no,
            (SELECT u.email FROM users u JOIN operator_carriers oc ON oc.user_id = u.id WHERE oc.carrier_id = a.carrier_id ORDER BY u.email LIMIT 1) AS operator,
            (SELECT u.email FROM users u WHERE u.role = 'committee' AND u.active AND u.id IS DISTINCT FROM a.accepted_by
                AND u.id NOT IN (SELECT reviewer_id FROM reviews r WHERE r.application_id = a.id) ORDER BY u.email LIMIT 1) AS decider
       FROM applications a WHERE a.status = 'reviewed' ORDER BY a.id LIMIT 1`,
  );
  expect(app?.operator && app.decider).toBeTruthy();
  const committee = new Client();
  expect(await committee.signIn(a.base, app!.decider)).toBeNull();
  const decided = await committee.action(a.base, `/committee/applications/${app!.id}`, 'decideAction', {
    applicationId: app!.id,
    version: app!.version,
    decision: 'reject',
    reason: 'Outside the programme this year.',
  });
  expect(decided.result, decided.body.slice(0, 300)).toMatchObject({ ok: true });
  const [notice] = await pg.query<{ id: number }>(
    DB,
    `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE u.email = $1 AND n.link LIKE '%/applications/' || $2::text AND n.read_at IS NULL ORDER BY n.id DESC LIMIT 1`,
    [app!.operator, app!.id],
  );
  expect(notice).toBeTruthy();

  const operator = new Client();
  expect(await operator.signIn(b.base, app!.operator)).toBeNull();
  const page = await operator.page(b.base, '/notifications');
  expect(page.status).toBe(200);
  expect(page.html).toContain(app!.ref_no);
  const marked = await operator.action(b.base, '/notifications', 'markReadAction', { notificationId: notice!.id });
  expect(marked.result, marked.body.slice(0, 300)).toMatchObject({ ok: true, data: { changed: 1 } });
  // Marked read on B: already read on A.
  const again = await operator.action(a.base, '/notifications', 'markReadAction', { notificationId: notice!.id });
  expect(again.result).toMatchObject({ ok: true, data: { changed: 0 } });
});

test("writes on both servers at once leave one audit chain without a fork, which verifies with either server's anchors", async () => {
  const [one, two] = [new Client(), new Client()];
  expect(await one.signIn(a.base, ACCOUNTS.operator)).toBeNull();
  expect(await two.signIn(b.base, ACCOUNTS.operator2)).toBeNull();
  const slots = [
    ...(await reportSlots(pg, DB, ACCOUNTS.operator, 12)).map((s) => ({ s, c: one, server: a })),
    ...(await reportSlots(pg, DB, ACCOUNTS.operator2, 12)).map((s) => ({ s, c: two, server: b })),
  ];
  const answers = await Promise.all(
    slots.map(({ s, c, server }, i) =>
      c.action(server.base, '/operator/reports', 'saveQuarterAction', {
        carrierId: s.carrierId,
        year: s.year,
        quarter: s.quarter,
        rows: [reportRow(s.ventureId, 700_000 + i)],
      }),
    ),
  );
  for (const r of answers) expect(r.result, r.body.slice(0, 300)).toMatchObject({ ok: true, data: { saved: 1 } });

  const [chain] = await pg.query<{ n: string; heads: string }>(DB, 'SELECT count(*) AS n, count(*) - count(DISTINCT prev_hash) AS heads FROM audit_log');
  expect(Number(chain!.heads)).toBe(0);
  for (const file of [undefined, ...anchorFiles]) {
    const verified = verifyAuditChain(pg, DB, file);
    expect(verified.status, verified.output).toBe(0);
  }
  expect(a.running && b.running).toBe(true);
});

test("a network of more carriers than a filter lists: the committee's filters find carriers as one types, on either server", async () => {
  // A city's network (CARRIER_LIST_LIMIT is 300): the filtered pages no longer hold every carrier.
  await pg.query(
    DB,
    `INSERT INTO carriers (name, kind, ownership, operator_org, zone, total_area_m2, incubation_area_m2, public_service_area_m2)
     SELECT '城市载体' || lpad(i::text, 4, '0'), 'incubator', 'state', '城市运营公司', '张江', 1000, 800, 100 FROM generate_series(1, 300) AS i`,
  );
  const [chosen] = await pg.query<{ id: number }>(DB, "SELECT id FROM carriers WHERE name = '城市载体0042'");
  const member = new Client();
  expect(await member.signIn(a.base, ACCOUNTS.committee)).toBeNull();
  for (const path of ['/committee/warnings', '/committee/applications', '/committee/graduations', '/committee/statistics']) {
    const { status, html } = await member.page(b.base, path);
    expect(status, path).toBe(200);
    // (The statistics' carrier table and checks list carriers by right; the filter no longer does.)
    if (path !== '/committee/statistics') expect(html, path).not.toContain('城市载体0001');
    expect((html.match(/<option/g) ?? []).length, path).toBeLessThan(60);
    expect(html, path).toMatch(/<input type="search" list="[^"]+"/);
  }
  const found = await member.request(a.base, `/api/committee/carrier-choices?q=${encodeURIComponent('城市载体004')}`);
  expect(found.status).toBe(200);
  const { choices } = (await found.json()) as { choices: { value: string; label: string }[] };
  expect(choices.map((c) => c.label)).toEqual(Array.from({ length: 10 }, (_, i) => `城市载体004${i}`));
  // The chosen carrier comes back in the field, named, with its id in the form.
  const { html } = await member.page(b.base, `/committee/warnings?type=overdue&carrier=${chosen!.id}`);
  expect(html).toContain('value="城市载体0042"');
  expect(html).toContain(`name="carrier" value="${chosen!.id}"`);
  // An operator may not search the network's carriers.
  const operator = new Client();
  expect(await operator.signIn(b.base, ACCOUNTS.operator)).toBeNull();
  expect((await operator.request(b.base, '/api/committee/carrier-choices?q=%E5%9F%8E')).status).toBe(403);
});
