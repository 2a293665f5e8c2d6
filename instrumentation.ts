export async function register() {
  // Next's own flag: the edge runtime cannot open the database.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareDatabase } = await import('./db/startup');
  const { DataFolderLockedError } = await import('./db/lock');
  try {
    await prepareDatabase();
  } catch (e) {
    if (e instanceof DataFolderLockedError) {
      // Another process serves this data folder: stop at once rather than lose its writes.
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
