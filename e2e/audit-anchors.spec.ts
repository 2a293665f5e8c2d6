import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { storageState } from './accounts';

/**
 * The production server running as the application's restricted PostgreSQL role
 * (E2E_DATABASE_URL, see scripts/e2e-server.mjs): changes made through the portal are audited and
 * anchored, and `npm run audit:verify` finds the chain and every anchor intact. Skipped on the
 * embedded database, whose data folder the running server holds.
 */
const appUrl = process.env.E2E_DATABASE_URL;
const ANCHOR_KEY = process.env.AUDIT_ANCHOR_KEY ?? 'e2e-only-anchor-key-e2e-only-anchor-key';

test.use({ storageState: storageState('operator') });

const verify = () =>
  spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', '--file', '.data/e2e/audit-anchors.jsonl'], {
    env: { ...process.env, DATABASE_URL: appUrl, DATABASE_OWNER_URL: '', AUDIT_ANCHOR_KEY: ANCHOR_KEY, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 90_000,
  });

test.describe('the audit chain of a server running as the restricted role', () => {
  test.skip(!appUrl, 'needs E2E_DATABASE_URL (PostgreSQL as the application’s role)');
  test.describe.configure({ timeout: 180_000 });

  test('a change through the portal is audited, and audit:verify finds the chain and its anchors intact', async ({ page }) => {
    await page.goto('/operator/carriers');
    await page.getByRole('table', { name: '我运营的孵化载体' }).getByRole('link').first().click();
    const field = page.getByLabel('联系人姓名');
    const original = await field.inputValue();
    for (const value of [`锚点${Date.now().toString(36)}`, original]) {
      await field.fill(value);
      await page.getByRole('button', { name: '保存资料' }).click();
      await expect(page.getByRole('status')).toHaveText('载体资料已保存。', { timeout: 30_000 });
    }
    const run = verify();
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Audit chain ok: \d+ entries \(postgres\)\.$/m);
    // The e2e server anchors every 10 entries: the sign-ins of the global setup and the saves made several.
    // The anchor file gets them at start and on the hourly schedule, so it may still be empty here.
    expect(run.stdout).toMatch(/^Anchors: [1-9]\d* in the database, \d+ in \.data\/e2e\/audit-anchors\.jsonl\.$/m);
    expect(run.stdout).toMatch(/^Last good anchor: \d+ at .+, key k-[0-9a-f]{12}; [0-9] entries after it\.$/m);
    expect(run.status).toBe(0);
  });
});

test('a production server without AUDIT_ANCHOR_KEY refuses to start and says why', async () => {
  test.setTimeout(120_000);
  const data = '.data/e2e-no-anchor-key';
  fs.rmSync(data, { recursive: true, force: true });
  const port = String(Number(process.env.E2E_PORT ?? 3100) + 78);
  const { AUDIT_ANCHOR_KEY: _unset, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['scripts/server.mjs', '-p', port], {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      PGLITE_DIR: `${data}/pglite`,
      DEMO_SEED: '0',
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'x'.repeat(40),
    },
    encoding: 'utf8',
    timeout: 90_000,
  });
  fs.rmSync(data, { recursive: true, force: true });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('AUDIT_ANCHOR_KEY must be set in production');
});
