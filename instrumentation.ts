import type { Instrumentation } from 'next';

export async function register() {
  // Next's own flag: the edge runtime cannot open the database.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkEnvironmentOrExit } = await import('./lib/env-check');
  await checkEnvironmentOrExit();
  // The line per request and the request metrics (scripts/server.mjs calls it at each response's end).
  const { installRequestLog } = await import('./lib/server/request-log');
  installRequestLog();
  const { prepareDatabaseOrExit } = await import('./db/startup');
  await prepareDatabaseOrExit();
}

/** An error Next caught while serving a request: one JSON log line with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/server/request-log');
  logRequestError(error, request, context);
};
