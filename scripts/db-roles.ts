/**
 * `npm run db:roles`: sets up the application's role (docs/database-roles.md). Connects with
 * DATABASE_OWNER_URL (the owner of the tables); the application's role is DATABASE_URL's user,
 * created with DATABASE_URL's password when it does not exist (the owner needs CREATEROLE for
 * that), and given exactly its rights: rows of every table, only SELECT and INSERT on the audit
 * log and its anchors, the sequences, and the same on tables created later. Safe to run again.
 */
import { openDatabase } from '../db/connect';
import { describeRole, ensureApplicationRole, grantApplicationRole, roleNameOf } from '../db/roles';
import { env } from '../lib/env';
import { runScript } from './run-script';

async function main(): Promise<number> {
  if (env.databaseMode !== 'postgres' || !env.databaseUrl || !env.databaseOwnerUrl) {
    console.error("npm run db:roles needs DATABASE_URL (the application's role) and DATABASE_OWNER_URL (the owner), both postgres:// URLs of one database.");
    return 2;
  }
  const app = roleNameOf(env.databaseUrl);
  const owner = roleNameOf(env.databaseOwnerUrl);
  if (!app || app === owner) {
    console.error(`DATABASE_URL and DATABASE_OWNER_URL must name two different users (both are "${owner}").`);
    return 2;
  }
  const handle = openDatabase(env.databaseOwnerUrl);
  try {
    const password = decodeURIComponent(new URL(env.databaseUrl).password) || null;
    const made = await ensureApplicationRole(handle.db, app, password);
    await grantApplicationRole(handle.db, app);
    const facts = await describeRole(handle.db, app);
    console.log(
      `${made === 'created' ? 'Created' : 'Updated'} the application's role ${app}: rows of every table, only SELECT and INSERT on audit_log and audit_anchors.`,
    );
    if (facts.superuser || facts.ownedTables > 0) {
      console.error(
        `The role ${app} ${facts.superuser ? 'is a superuser' : `owns ${facts.ownedTables} tables or sequences`}: it can still switch the audit log's triggers off. ` +
          'Use a role that is neither (docs/database-roles.md).',
      );
      return 1;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

runScript(main);
