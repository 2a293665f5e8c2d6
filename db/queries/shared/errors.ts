/** PostgreSQL's error codes the queries translate into the user's words. */
const UNIQUE_VIOLATION = '23505';

/**
 * A unique index refused the write (someone saved the same code, e-mail or voucher meanwhile).
 * The driver may wrap the database's error, so the causes are followed.
 */
export function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { code?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === UNIQUE_VIOLATION) return true;
  }
  return false;
}
