import { defineConfig } from '@playwright/test';

/**
 * The fleet specs (e2e/fleet): several production servers on one PostgreSQL that the specs
 * start themselves (PostgreSQL binaries under /usr/lib/postgresql, or PG_BIN), over HTTP, no
 * browser. Servers listen from E2E_PORT (default 3120) up, PostgreSQL on E2E_PG_PORT (default
 * 55434). Builds first unless E2E_SKIP_BUILD=1 and a build is there.
 *
 *   npx playwright test -c playwright.fleet.config.ts
 */
export default defineConfig({
  testDir: './e2e/fleet',
  timeout: 180_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/fleet/build.ts',
});
