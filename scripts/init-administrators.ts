/**
 * npm run accounts:init -- --admin EMAIL --security EMAIL --auditor EMAIL
 *
 * Migrates the database named by DATABASE_URL (unset: the embedded one) and creates its first
 * three administrators, printing each one-time password once. Refused when the database already
 * has an administrator. Runs outside Next, so nothing here may import 'server-only'.
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { runMigrations } from '../db/migrate';
import { AdministratorsExistError, initAdministrators } from '../db/seed/administrators';
import { openConfiguredDatabase } from './open-configured';
import { runScript } from './run-script';

const USAGE = 'Usage: npm run accounts:init -- --admin EMAIL --security EMAIL --auditor EMAIL';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { admin: { type: 'string' }, security: { type: 'string' }, auditor: { type: 'string' } } });
  if (!values.admin || !values.security || !values.auditor) {
    console.error(USAGE);
    return 2;
  }
  const handle = openConfiguredDatabase('owner');
  if (!handle) return 1;
  try {
    await runMigrations(handle);
    const created = await initAdministrators(handle.db, { admin: values.admin, security: values.security, auditor: values.auditor });
    console.log('Created the administrators. Each one-time password is shown only now; hand it over in person:');
    for (const a of created) console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}`);
    console.log('At the first sign-in each changes the password and enrols the second factor.');
    return 0;
  } catch (e) {
    if (e instanceof AdministratorsExistError) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof ZodError) {
      console.error(`${e.issues.map((i) => `${i.path.join('.') || 'emails'}: ${i.message}`).join('\n')}\n${USAGE}`);
      return 2;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

runScript(main);
