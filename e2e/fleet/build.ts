import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The production build the fleet's servers run: built here unless E2E_SKIP_BUILD=1 and one is there (as scripts/e2e-server.mjs). */
export default function build() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync('.next/BUILD_ID')) return;
  const run = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`next build failed (${run.status})`);
}
