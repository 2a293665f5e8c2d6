import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * The environment is checked first thing at server start (instrumentation.ts, lib/env.ts): a
 * production server on a bad one stops at once and says why, before it opens the database.
 */
function startProduction(name: string, offset: number, env: Record<string, string | undefined>) {
  const data = `.data/e2e-env-${name}`;
  fs.rmSync(data, { recursive: true, force: true });
  const port = String(Number(process.env.E2E_PORT ?? 3100) + offset);
  const { NEXTAUTH_SECRET: _secret, AUDIT_ANCHOR_KEY: _key, ...inherited } = process.env;
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
      AUDIT_ANCHOR_KEY: 'k'.repeat(40),
      ...env,
    },
    encoding: 'utf8',
    timeout: 90_000,
  });
  const opened = fs.existsSync(data);
  fs.rmSync(data, { recursive: true, force: true });
  return { ...run, opened };
}

test('a production server without NEXTAUTH_SECRET refuses to start and says why', async () => {
  test.setTimeout(120_000);
  const run = startProduction('no-secret', 79, { NEXTAUTH_SECRET: undefined });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('NEXTAUTH_SECRET must be set in production');
  expect(run.opened, 'the data folder is not created').toBe(false);
});

test('a production server with a malformed variable refuses to start and names it', async () => {
  test.setTimeout(120_000);
  const run = startProduction('malformed', 80, { SESSION_IDLE_MINUTES: '0' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Invalid environment');
  expect(run.stderr).toContain('SESSION_IDLE_MINUTES');
  expect(run.opened, 'the data folder is not created').toBe(false);
});
