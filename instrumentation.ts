export async function register() {
  // Next's own flag: the edge runtime cannot open the database.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkEnvironmentOrExit } = await import('./lib/env-check');
  await checkEnvironmentOrExit();
  const { prepareDatabaseOrExit } = await import('./db/startup');
  await prepareDatabaseOrExit();
}
