/**
 * The two database roles (docs/database-roles.md): the owner, which owns the schema and runs
 * migrations, backup and restore, and the application's role, which reads and writes rows but
 * owns nothing, cannot alter a table or its triggers, and may only read and add to the audit
 * log and its anchors. Run as the owner; every statement is idempotent.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './connect';
import { env } from '../lib/env';

/** Tables the application may only read and add to. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_anchors'] as const;

/** The user name of a postgres:// URL. */
export function roleNameOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * The application's role when it is not the owner: DATABASE_URL's user, when DATABASE_OWNER_URL
 * names another one. Null with one URL only (the application is then the owner).
 */
export function applicationRoleFromEnv(): string | null {
  if (env.databaseMode !== 'postgres' || !env.databaseUrl || !env.databaseOwnerUrl) return null;
  const app = roleNameOf(env.databaseUrl);
  return app && app !== roleNameOf(env.databaseOwnerUrl) ? app : null;
}

const id = (name: string) => sql.identifier(name);

/** Creates the application's role (LOGIN, nothing else) when it does not exist; the owner then needs CREATEROLE. */
export async function ensureApplicationRole(db: DbOrTx, name: string, password: string | null): Promise<'created' | 'exists'> {
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${name}`);
  // An existing role is left as it is (its password too): only its rights are set below.
  if (Number(rows[0]?.n ?? 0) > 0) return 'exists';
  await db.execute(
    sql`CREATE ROLE ${id(name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${
      password ? sql` PASSWORD ${sql.raw(quoteLiteral(password))}` : sql``
    }`,
  );
  return 'created';
}

/** Utility statements take no parameters: a literal, quoted as PostgreSQL quotes one. */
function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A password may not contain a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Gives the application's role exactly its rights on the current database: rows of every table
 * (read, add, change, remove), only read and add on the append-only tables, the sequences'
 * next values, the list of applied migrations (read), and the same by default on tables and
 * sequences the owner creates later. Rights granted before are taken back first, so that what
 * it has is what this function says.
 */
export async function grantApplicationRole(db: DbOrTx, role: string): Promise<void> {
  const facts = await describeRole(db, role);
  if (!facts.exists) throw new Error(`The application's role ${role} does not exist: create it with npm run db:roles (docs/database-roles.md).`);
  // In one transaction, so that the application never sees its rights half taken back.
  await db.transaction((tx) => applyGrants(tx, role));
}

async function applyGrants(db: DbOrTx, role: string): Promise<void> {
  const r = id(role);
  const { rows } = await db.execute<{ db: string; me: string }>(sql`SELECT current_database() AS db, current_user AS me`);
  const { db: database, me } = rows[0]!;
  if (me === role) throw new Error(`The application's role ${role} is the role running the grants: give DATABASE_OWNER_URL another user.`);
  await db.execute(sql`GRANT CONNECT ON DATABASE ${id(database)} TO ${r}`);
  await db.execute(sql`GRANT USAGE ON SCHEMA public TO ${r}`);
  await db.execute(sql`REVOKE CREATE ON SCHEMA public FROM ${r}`);
  await db.execute(sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  for (const t of APPEND_ONLY_TABLES) {
    const { rows: exists } = await db.execute<{ t: string | null }>(sql`SELECT to_regclass(${`public.${t}`})::text AS t`);
    if (exists[0]?.t) await db.execute(sql`REVOKE UPDATE, DELETE ON ${id(t)} FROM ${r}`);
  }
  await db.execute(sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
  await db.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await db.execute(sql`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(me)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
  await db.execute(sql`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(me)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
  const { rows: migrations } = await db.execute<{ t: string | null }>(sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (migrations[0]?.t) {
    await db.execute(sql`GRANT USAGE ON SCHEMA drizzle TO ${r}`);
    await db.execute(sql`REVOKE ALL ON ALL TABLES IN SCHEMA drizzle FROM ${r}`);
    await db.execute(sql`GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}`);
  }
}

export type RoleFacts = { exists: boolean; superuser: boolean; createRole: boolean; ownedTables: number };

/** What a role could do beyond its grants: a superuser or a table's owner can switch triggers off. */
export async function describeRole(db: DbOrTx, role: string): Promise<RoleFacts> {
  const { rows } = await db.execute<{ superuser: boolean; createrole: boolean; owned: number }>(
    sql`SELECT r.rolsuper AS superuser, r.rolcreaterole AS createrole,
          (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relowner = r.oid AND n.nspname IN ('public', 'drizzle') AND c.relkind IN ('r', 'p', 'S')) AS owned
        FROM pg_roles r WHERE r.rolname = ${role}`,
  );
  const row = rows[0];
  if (!row) return { exists: false, superuser: false, createRole: false, ownedTables: 0 };
  return { exists: true, superuser: row.superuser, createRole: row.createrole, ownedTables: Number(row.owned) };
}
