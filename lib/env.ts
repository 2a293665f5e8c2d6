import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies';

/** An empty variable (`KEY=` in an env file) is read as unset. */
const emptyIsUnset = (v: unknown) => (v === '' ? undefined : v);

/**
 * The one place that reads process.env. Checked first thing at server start (lib/env-check.ts),
 * so that a bad environment stops the server rather than failing its first requests.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v === 'memory:' || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL must be unset, "memory:" or a postgres:// URL',
    }),
  /** The role that owns the tables: migrations, grants, backup and restore (docs/database-roles.md). */
  DATABASE_OWNER_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_OWNER_URL must be unset or a postgres:// URL',
    }),
  /** Signs the audit chain's anchors (docs/audit-chain.md); required in production. */
  AUDIT_ANCHOR_KEY: z.preprocess(emptyIsUnset, z.string().min(32, 'AUDIT_ANCHOR_KEY must be at least 32 characters').optional()),
  AUDIT_ANCHOR_KEY_ID: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,40}$/, 'AUDIT_ANCHOR_KEY_ID must be 1 to 40 letters, digits, dots, dashes or underscores')
      .optional(),
  ),
  /** Earlier keys, kept to verify the anchors they signed: `id:secret,id:secret`. */
  AUDIT_ANCHOR_RETIRED_KEYS: z.string().optional(),
  AUDIT_ANCHOR_EVERY: z.coerce.number().int().min(0).max(1_000_000).default(100),
  AUDIT_ANCHOR_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  AUDIT_ANCHOR_FILE: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().optional(),
  DEMO_SEED: z.enum(['0', '1']).optional(),
  NEXT_PHASE: z.string().optional(),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseTrustedProxies(v) !== null, {
      message: 'TRUSTED_PROXIES must be empty, a number of hops, or a comma list of addresses and CIDR ranges',
    }),
  /** Minutes without a request after which a session ends (the security policy may override it). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** A secret that lets monitoring read the details of /api/health (at least 32 characters; unset: none). */
  HEALTH_TOKEN: z.string().min(32, 'HEALTH_TOKEN must be at least 32 characters').optional().or(z.literal('')),
  /** The bearer token that reads /api/metrics (at least 32 characters; unset: the endpoint answers 404). */
  METRICS_TOKEN: z.preprocess(emptyIsUnset, z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional()),
  /** The least severe log lines written (default info; silent under tests). */
  LOG_LEVEL: z.preprocess(emptyIsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  /** A file the JSON log lines are appended to as well as standard output. */
  LOG_FILE: z.preprocess(emptyIsUnset, z.string().optional()),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`Invalid environment:\n${lines}`);
}
const raw = parsed.data;

export type DatabaseMode = 'embedded' | 'memory' | 'postgres';

export const env = {
  nodeEnv: raw.NODE_ENV,
  isProduction: raw.NODE_ENV === 'production',
  databaseUrl: raw.DATABASE_URL || undefined,
  /** The owner role's URL, when the application's own role is a restricted one. */
  databaseOwnerUrl: raw.DATABASE_OWNER_URL || undefined,
  auditAnchor: {
    key: raw.AUDIT_ANCHOR_KEY,
    keyId: raw.AUDIT_ANCHOR_KEY_ID,
    retiredKeys: raw.AUDIT_ANCHOR_RETIRED_KEYS ?? '',
    every: raw.AUDIT_ANCHOR_EVERY,
    intervalMinutes: raw.AUDIT_ANCHOR_INTERVAL_MINUTES,
    file: raw.AUDIT_ANCHOR_FILE || undefined,
  },
  databaseMode: (!raw.DATABASE_URL ? 'embedded' : raw.DATABASE_URL === 'memory:' ? 'memory' : 'postgres') as DatabaseMode,
  pgliteDir: raw.PGLITE_DIR ?? '.data/pglite',
  /** Load the demo network on first start of an empty database (embedded mode by default). */
  demoSeed: raw.DEMO_SEED ? raw.DEMO_SEED === '1' : !raw.DATABASE_URL,
  nextAuthUrl: raw.NEXTAUTH_URL,
  /** This site's origin (from NEXTAUTH_URL), against which return paths are resolved. */
  siteOrigin: raw.NEXTAUTH_URL ? new URL(raw.NEXTAUTH_URL).origin : undefined,
  /** The reverse proxies whose forwarded headers are believed (TRUSTED_PROXIES; none by default). */
  trustedProxies: parseTrustedProxies(raw.TRUSTED_PROXIES ?? '') as TrustedProxies,
  isBuildPhase: raw.NEXT_PHASE === 'phase-production-build',
  /** Cookies carry `Secure` when the portal is served over HTTPS, as production must be. */
  sessionIdleMinutes: raw.SESSION_IDLE_MINUTES,
  /** The bearer token for the details of /api/health; undefined: only the system administrator reads them. */
  healthToken: raw.HEALTH_TOKEN || undefined,
  /** The bearer token for /api/metrics; undefined: the endpoint does not exist. */
  metricsToken: raw.METRICS_TOKEN,
  log: { level: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'silent' : 'info'), file: raw.LOG_FILE },
  secureCookies: raw.NODE_ENV === 'production' && (raw.NEXTAUTH_URL ?? '').startsWith('https://'),
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
if (env.isProduction && !env.isBuildPhase && raw.NEXTAUTH_URL) {
  const url = new URL(raw.NEXTAUTH_URL);
  if (url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new Error('NEXTAUTH_URL must be an https:// address in production (plain http only on localhost).');
  }
}

/**
 * The signing secret for session tokens. Production refuses to run without one;
 * development derives a stable one from the project folder so that `npm run dev`
 * needs no env file.
 */
export function authSecret(): string {
  if (raw.NEXTAUTH_SECRET) return raw.NEXTAUTH_SECRET;
  if (env.isProduction && !env.isBuildPhase) {
    throw new Error('NEXTAUTH_SECRET must be set in production (at least 32 characters).');
  }
  return createHash('sha256').update(`incubator-portal-dev:${process.cwd()}`).digest('hex');
}
