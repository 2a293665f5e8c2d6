/**
 * The route a request is counted under in the metrics and named by on its log line: the app's
 * route pattern (`/operator/ventures/[id]`), never the address, so that a series per id or per
 * invented address cannot multiply. The patterns come from the build's routes manifest
 * (`.next/routes-manifest.json`, read by lib/server/request-log.ts).
 */
export type RouteTable = { static: Set<string>; dynamic: { page: string; regex: RegExp }[] };

/** Every address that matches no route: scanners' guesses, public files. */
export const OTHER_ROUTE = '(other)';

type Manifest = { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

/** The route table of a routes manifest (its dynamic routes come most specific first). */
export function routeTableOf(manifest: Manifest): RouteTable {
  return {
    static: new Set((manifest.staticRoutes ?? []).map((r) => r.page)),
    dynamic: (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) })),
  };
}

export function routeLabel(pathname: string, table: RouteTable): string {
  if (pathname.startsWith('/_next/')) return pathname.startsWith('/_next/static/') ? '/_next/static' : '/_next';
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (table.static.has(path)) return path;
  for (const r of table.dynamic) if (r.regex.test(path)) return r.page;
  return OTHER_ROUTE;
}
