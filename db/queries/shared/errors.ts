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

/**
 * SQLSTATE classes and codes that mean the database went away or is not taking connections,
 * not that the request was wrong: connection exceptions (08…), the server shutting down or
 * starting up (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now), too many
 * connections (53300).
 */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres reports a lost or refused connection by these messages, without a code. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end on the pool)/;

/**
 * The database could not be reached or dropped the connection (a restart, a failover, a
 * network fault): the change may be tried again. The driver may wrap the error, so the causes
 * are followed.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined; err && typeof err === 'object'; err = err.cause as typeof err) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || UNAVAILABLE_ERRNO.has(code)) return true;
    if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
    // AggregateError (a host with several addresses, all refused).
    const errors = (err as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
