import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: two processes writing one data folder silently
 * lose writes. The embedded mode therefore holds a lock file beside the data folder, and a
 * second process fails at once, naming the process that holds it.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.startedAt}). ` +
        'Stop that process first (or point DATABASE_URL at PostgreSQL to run several processes). Nothing was changed.',
    );
    this.name = 'DataFolderLockedError';
  }
}

type LockInfo = { pid: number; command: string; startedAt: string };

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export function lockFileFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Takes the lock for this process, or throws DataFolderLockedError. Re-entrant within a process. */
export function acquireDataFolderLock(dataDir: string): void {
  const file = lockFileFor(dataDir);
  if (held.has(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    command:
      process.argv
        .slice(1)
        .map((a) => path.basename(a))
        .join(' ') || 'node',
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      held.add(file);
      process.once('exit', () => releaseDataFolderLock(dataDir));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder && holder.pid === process.pid) {
        held.add(file);
        return;
      }
      if (holder && isAlive(holder.pid)) throw new DataFolderLockedError(dataDir, holder);
      // The holder died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

export function releaseDataFolderLock(dataDir: string): void {
  const file = lockFileFor(dataDir);
  if (!held.delete(file)) return;
  const holder = readLock(file);
  if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
}
