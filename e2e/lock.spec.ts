import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';

const DATA_DIR = '.data/e2e/pglite';
/** The committee dashboard's figures of the network's carriers, read before and after. */
const figures = (page: Page) =>
  page
    .getByRole('table', { name: /各类载体/ })
    .first()
    .innerText();

test.use({ storageState: storageState('committee') });

/** The embedded database has no lock between processes of its own, so the portal keeps one. */
for (const [label, args] of [
  ['npm run db:seed', ['tsx', '--conditions', 'react-server', 'scripts/seed.ts']],
  ['npm run db:migrate', ['tsx', 'scripts/migrate.ts']],
] as const) {
  test(`${label} against the running server's data folder fails clearly and changes nothing`, async ({ page }) => {
    await page.goto('/committee');
    const before = await figures(page);
    const run = spawnSync('npx', [...args], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: DATA_DIR, NODE_ENV: 'development' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is in use by process \d+/);
    await page.reload();
    expect(await figures(page)).toBe(before);
  });
}

test('a second server on the same data folder stops at once with the reason', async ({ page }) => {
  await page.goto('/committee');
  const before = await figures(page);
  const run = spawnSync('npx', ['next', 'start', '-p', '3199'], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: DATA_DIR, NODE_ENV: 'production', NEXTAUTH_SECRET: 'x'.repeat(40) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stdout + run.stderr).toMatch(/is in use by process \d+/);
  await page.reload();
  expect(await figures(page)).toBe(before);
});
