import { NextResponse, type NextRequest } from 'next/server';
import { actionRequestProblem } from './lib/action-request';
import { REQUEST_ID_HEADER, requestIdFor } from './lib/request-id';
import { safeReturnPath } from './lib/return-path';
import { contentSecurityPolicy, makeNonce, staticSecurityHeaders } from './lib/security-headers';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PORTAL = /^\/(operator|committee|admin|account|notifications)(\/|$)/;
const dev = process.env.NODE_ENV !== 'production';

/**
 * Every request: a fresh nonce and the Content-Security-Policy built on it (Next reads the
 * nonce from the request's header and puts it on its scripts), and the other security headers.
 * A visitor without a session cookie who asks for a portal page is sent to sign-in, remembering
 * where they were going. Every page, action and route handler checks the session again.
 * A POST to a page (a server action) whose body would not decode is refused here with a 4xx
 * (lib/action-request.ts) rather than reaching Next, which would answer it with a 500.
 * The request's id (given by scripts/server.mjs, or here under `next dev`: lib/request-id.js)
 * goes on to the app as a request header and back to the client as a response header.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const nonce = makeNonce();
  const csp = contentSecurityPolicy({ nonce, dev });
  let response: NextResponse;
  const refusal = request.method === 'POST' && !request.nextUrl.pathname.startsWith('/api/') ? await actionRequestProblem(request.clone()) : null;
  if (refusal) {
    response = new NextResponse(`Bad request (${refusal.reason}).`, { status: refusal.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } else if (PORTAL.test(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = '';
    const back = safeReturnPath(request.nextUrl.pathname + request.nextUrl.search);
    if (back) url.searchParams.set('callbackUrl', back);
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const { key, value } of staticSecurityHeaders(!dev)) response.headers.set(key, value);
  return response;
}

export const config = {
  // Everything but the build's static files (those get their headers from next.config.js).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
