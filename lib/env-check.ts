/**
 * First thing at server start (instrumentation.ts): an environment that lib/env.ts refuses (a
 * malformed variable, plain http in production, no NEXTAUTH_SECRET in production) stops the
 * server at once with the reason, rather than failing its first requests. A module of its own so
 * that the edge build of instrumentation.ts, which returns before calling it, does not carry it.
 */
export async function checkEnvironmentOrExit(): Promise<void> {
  try {
    // Importing lib/env checks process.env; the session secret is asked for here so that its absence shows now.
    const { authSecret } = await import('./env');
    authSecret();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
