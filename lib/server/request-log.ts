import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../log';
import { observeRequest } from '../metrics';
import { requestIdFrom } from '../request-id';
import { OTHER_ROUTE, routeLabel, routeTableOf, type RouteTable } from '../route-label';

/**
 * What the production server (scripts/server.mjs) tells the app when a response has ended. The
 * server times the request and gives it its id; the app, which knows its routes, turns the
 * address into the route pattern, writes the request's log line and observes its latency.
 */
export type FinishedRequest = {
  method: string;
  /** The address without its query. */
  path: string;
  status: number;
  seconds: number;
  requestId: string;
  /** The client went away before the response was complete. */
  aborted: boolean;
};

/** Where scripts/server.mjs looks for the function to call (installed at server start by instrumentation.ts). */
export const REQUEST_DONE_HOOK = Symbol.for('incubator-portal.request-done');
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

let routes: RouteTable | undefined;

/** The build's routes (next build writes them); none when there is no build (a development server). */
function routeTable(): RouteTable {
  if (routes) return routes;
  try {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'routes-manifest.json');
    routes = routeTableOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    routes = routeTableOf({});
  }
  return routes;
}

/** The request's log line and its latency. */
export function recordFinishedRequest(r: FinishedRequest): void {
  const route = routeLabel(r.path, routeTable());
  const method = KNOWN_METHODS.has(r.method) ? r.method : 'other';
  observeRequest(method, route, r.status, r.seconds);
  const durationMs = Math.round(r.seconds * 1_000_000) / 1000;
  const line = { requestId: r.requestId, method, route, path: route === OTHER_ROUTE ? undefined : r.path, status: r.status, durationMs };
  const log = logger();
  if (r.aborted) log.info({ ...line, aborted: true }, 'request aborted');
  else if (r.status >= 500) log.error(line, 'request');
  else log.info(line, 'request');
}

/** Installs the hook scripts/server.mjs calls at the end of every response. */
export function installRequestLog(): void {
  (globalThis as Record<symbol, unknown>)[REQUEST_DONE_HOOK] = (r: FinishedRequest) => {
    try {
      recordFinishedRequest(r);
    } catch {
      // A log line is never worth a failed response.
    }
  };
}

/**
 * An error Next caught while rendering a page or running a route handler or server action
 * (instrumentation.ts `onRequestError`): logged with the request's id, which the error page
 * shows the user, and with Next's digest of it.
 */
export function logRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath?: string; routeType?: string },
): void {
  const digest = (error as { digest?: unknown })?.digest;
  logger().error(
    {
      err: error,
      digest: typeof digest === 'string' ? digest : undefined,
      requestId: requestIdFrom(request.headers),
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
    },
    'request failed',
  );
}
