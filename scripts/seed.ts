/**
 * npm run db:seed: migrates the database named by DATABASE_URL (unset: embedded PGlite in
 * PGLITE_DIR or .data/pglite) and loads the demo network into it, if it is empty.
 * Runs outside Next, so nothing here may import 'server-only'.
 */
import bcrypt from 'bcryptjs';
import { openConfiguredDatabase } from './open-configured';
import { count } from 'drizzle-orm';
import { runMigrations } from '../db/migrate';
import { users } from '../db/schema';
import { DatabaseNotEmptyError, seedDemo } from '../db/seed/demo';
import { env } from '../lib/env';
import { DEMO_TOTP_SECRET } from '../lib/totp';
import { runScript } from './run-script';

const NOT_EMPTY = 'The database already holds data; npm run db:seed loads the demo network only into an empty database.';
const DEMO_PASSWORD = 'demo1234demo';

async function main(): Promise<number> {
  const handle = openConfiguredDatabase('owner');
  if (!handle) return 1;
  try {
    await runMigrations(handle);
    const [row] = await handle.db.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) {
      console.error(NOT_EMPTY);
      return 1;
    }
    const started = Date.now();
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const summary = await seedDemo(handle.db, { today: new Date(), passwordHash });
    const where = handle.mode === 'embedded' ? ` in ${env.pgliteDir}` : ` (${handle.mode})`;
    console.log(`Loaded the demo network${where} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    for (const [what, n] of Object.entries(summary)) console.log(`  ${what.padEnd(18)} ${n}`);
    console.log(`Sign in as admin@example.org, committee1@example.org or operator1@example.org with password ${DEMO_PASSWORD}`);
    console.log(`and a code from any authenticator app set up with the demo secret ${DEMO_TOTP_SECRET} (see README).`);
    return 0;
  } catch (e) {
    if (e instanceof DatabaseNotEmptyError) {
      console.error(NOT_EMPTY);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

runScript(main);
