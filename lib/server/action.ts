import 'server-only';
import { headers } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import type { AuthUser } from '@/db/queries/accounts';
import type { Actor } from '@/db/audit';
import { isDatabaseUnavailable } from '@/db/queries/shared';
import { requireEnrolling, requireRole, requireSignedIn, scopeFor } from './authz';
import { DomainError, type FailureCode, type FieldErrors } from '../errors';
import { clientIpFrom } from '../client-ip';
import { logger } from '../log';
import { requestIdFrom } from '../request-id';
import { isSameOrigin } from '../origin';
import type { Role, Scope } from '../roles';
import { zodFieldErrors } from '../validation/zod-messages';

/** What every server action returns: success, or a failure with messages in the user's language. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message: string }
  | { ok: false; code: FailureCode | 'unexpected' | 'unavailable'; message: string; fieldErrors: Record<string, string[]> };

export type ActionContext = { user: AuthUser; scope: Scope; db: Db; actor: Actor };

/** The caller's address (lib/client-ip.ts), for the audit entry of a change. */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

async function translateFieldErrors(fieldErrors: FieldErrors | undefined, rename?: (key: string) => string): Promise<Record<string, string[]>> {
  if (!fieldErrors) return {};
  // A key is looked up under `validation` first, then from the root, so that an area can
  // keep refusals of its own (e.g. `admission.openElsewhere`) in its own catalogue.
  const t = await getTranslations();
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) {
    out[rename ? rename(field) : field] = messages.map((m) => {
      if (t.has(`validation.${m.key}`)) return t(`validation.${m.key}`, m.params);
      if (t.has(m.key)) return t(m.key, m.params);
      return t('validation.invalid');
    });
  }
  return out;
}

async function failure(
  code: FailureCode | 'unexpected' | 'unavailable',
  fieldErrors?: FieldErrors,
  rename?: (key: string) => string,
): Promise<ActionResult<never>> {
  const t = await getTranslations('outcome');
  return { ok: false, code, message: t(code), fieldErrors: await translateFieldErrors(fieldErrors, rename) };
}

/** The database could not be reached: the transaction did not commit, or its answer was lost. */
async function unavailable(e: unknown, requestId: string | null): Promise<ActionResult<never>> {
  logger().warn({ requestId, reason: e instanceof Error ? e.message : String(e) }, 'database unavailable in a server action');
  return failure('unavailable');
}

/**
 * FormData (or a plain object) to an object, with repeated names as arrays. Every name becomes
 * an own field, `__proto__` and `constructor` included, so a form cannot reach the prototype.
 */
export function formToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = Object.hasOwn(out, key) ? ([] as unknown[]).concat(out[key], value) : value;
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

async function signedInWithRole(roles: Role[]) {
  const user = await requireSignedIn();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

async function enrollingWithRole(roles: Role[]) {
  const user = await requireEnrolling();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/**
 * The top-level fields whose text (at any depth, file names included) holds a NUL character,
 * which PostgreSQL cannot store in text: they are refused as invalid before any query runs.
 */
export function fieldsWithNul(input: Record<string, unknown>): FieldErrors | undefined {
  const hasNul = (v: unknown, depth: number): boolean => {
    if (typeof v === 'string') return v.includes('\u0000');
    if (v instanceof File) return v.name.includes('\u0000');
    if (depth > 8 || v === null || typeof v !== 'object') return false;
    return Object.values(v).some((x) => hasNul(x, depth + 1));
  };
  const bad = Object.keys(input).filter((k) => hasNul(input[k], 0));
  return bad.length ? Object.fromEntries(bad.map((k) => [k, [{ key: 'nulCharacter' }]])) : undefined;
}

/**
 * The order of every change (docs/architecture.md, "A server action"): same-origin check -> role check -> parse with zod
 * -> run (one transaction in db/queries, which writes its audit entry) -> a typed result.
 * Expected failures come back as results; a database that cannot be reached (a restart, a
 * failover) comes back as 'unavailable', to be tried again; anything else is logged and shown
 * generically.
 */
export function defineAction<S extends z.ZodType, T>(opts: {
  roles: Role[];
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
  successMessage?: string;
  /** Renames the keys of field errors to the form's names (a batch's `0.creditCode` -> `creditCode`). */
  field?: (key: string) => string;
  /** Also open to a user who must still change their one-time password (the password page's action only). */
  beforePasswordChange?: boolean;
  /** Also open to a user who must still enrol the second factor their role requires (its page's actions only). */
  beforeSecondFactor?: boolean;
}) {
  return async (input: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    // Next checks the Origin of server actions too; this keeps the promise in the portal's own,
    // tested code: a change from another site's page is refused before anything is read.
    if (!isSameOrigin(await headers())) return failure('forbidden');
    const requestId = requestIdFrom(await headers());
    let user: AuthUser;
    try {
      user = opts.beforePasswordChange
        ? await signedInWithRole(opts.roles)
        : opts.beforeSecondFactor
          ? await enrollingWithRole(opts.roles)
          : await requireRole(...opts.roles);
    } catch (e) {
      // The session check reads the database; Next's redirects and refusals pass through.
      if (isDatabaseUnavailable(e)) return unavailable(e, requestId);
      throw e;
    }
    const raw = formToObject(input);
    const nul = raw && typeof raw === 'object' ? fieldsWithNul(raw) : undefined;
    if (nul) return failure('invalid', nul, opts.field);
    const parsed = opts.schema.safeParse(raw);
    if (!parsed.success) return failure('invalid', zodFieldErrors(parsed.error), opts.field);
    try {
      const ctx: ActionContext = {
        user,
        scope: await scopeFor(user),
        db: getDb(),
        actor: { userId: user.id, role: user.role, ip: await clientIp(), requestId },
      };
      const data = await opts.run(parsed.data, ctx);
      const t = await getTranslations('outcome');
      return { ok: true, data, message: opts.successMessage ?? t('saved') };
    } catch (e) {
      if (e instanceof DomainError) return failure(e.code, e.fieldErrors, opts.field);
      if (isDatabaseUnavailable(e)) return unavailable(e, requestId);
      logger().error({ err: e, requestId }, 'unexpected error in a server action');
      return failure('unexpected');
    }
  };
}
