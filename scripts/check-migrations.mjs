// Fails when the schema and the committed migrations disagree: a `drizzle-kit generate`
// that would produce a new migration means someone changed the schema without one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// drizzle-kit takes the output folder relative to the project.
fs.mkdirSync('.data', { recursive: true });
const tmp = path.relative(process.cwd(), fs.mkdtempSync(path.join('.data', 'migration-check-')));
fs.cpSync('db/migrations', tmp, { recursive: true });
const before = new Set(fs.readdirSync(tmp));
execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './db/schema/index.ts', '--out', tmp], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
const added = fs.readdirSync(tmp).filter((f) => !before.has(f));
if (!fs.existsSync(path.join(tmp, 'meta/_journal.json'))) throw new Error('drizzle-kit generate did not read the migrations');
fs.rmSync(tmp, { recursive: true, force: true });
if (added.length) {
  console.error(`The schema has changes without a migration (${added.join(', ')}). Run npm run db:generate and commit it.`);
  process.exit(1);
}
console.log('Schema and migrations agree.');
