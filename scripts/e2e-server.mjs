// Serves the production build on a fresh embedded database for the end-to-end tests.
// Builds first unless E2E_SKIP_BUILD=1 (CI builds once, just before).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const E2E_DATA_DIR = '.data/e2e/pglite';
const port = process.env.E2E_PORT ?? '3100';

fs.rmSync('.data/e2e', { recursive: true, force: true });
if (process.env.E2E_SKIP_BUILD !== '1' || !fs.existsSync('.next/BUILD_ID')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The portal's own production server (scripts/server.mjs), as `npm start` runs it.
const server = spawn(process.execPath, ['scripts/server.mjs', '-p', port], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: '',
    PGLITE_DIR: E2E_DATA_DIR,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only',
    // The sessions global setup opens are shared by every spec: a whole run may leave one
    // unused for longer than the default 30 minutes. The idle limit itself is tested with the
    // time given (tests/integration/sessions.test.ts).
    SESSION_IDLE_MINUTES: process.env.SESSION_IDLE_MINUTES ?? '240',
    // The token e2e/request-hygiene.spec.ts reads the details of /api/health with.
    HEALTH_TOKEN: process.env.HEALTH_TOKEN ?? 'e2e-health-token-e2e-health-token-0001',
  },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
