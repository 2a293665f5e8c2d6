import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { MAX_PARALLEL_READS, MAX_READ_MS, READ_LIMITS, type ReadLimits } from './limits';
import type { WorkerAnswer } from './parse-worker';
import { checkBeforeReading, SheetFileError, type SheetRow } from './read';

/**
 * Reads an import file in a worker thread, so that a hostile file costs the other users
 * nothing: the request thread goes on answering while the worker parses, and the worker is
 * ended (its memory with it) when the file passes a limit, the client goes away (`signal`), or
 * the read takes longer than MAX_READ_MS. The cheap checks run first, here, before any worker
 * is started. At most MAX_PARALLEL_READS files are read at once; one more is refused as busy.
 * See docs/imports.md.
 */
let running = 0;

/**
 * Under Vitest the module runs from its TypeScript source, which Node cannot start as a worker
 * by itself: tsx (a development dependency) loads it. The build bundles the worker instead
 * (`new Worker(new URL(...))` below); there import.meta.url still names the source file, so
 * it cannot tell the two apart.
 */
function startFromSource(options: WorkerOptions): Worker {
  const source = import.meta.url.replace(/isolated\.ts$/, 'parse-worker.ts');
  const FromSource = Worker;
  return new FromSource(`import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`, {
    ...options,
    eval: true,
  });
}

export type IsolatedReadOptions = { signal?: AbortSignal; limits?: ReadLimits; timeoutMs?: number };

/** Reads running now (for tests). */
export const readsRunning = () => running;

export async function readWorkbookIsolated(bytes: Uint8Array, fileName: string, o: IsolatedReadOptions = {}): Promise<SheetRow[]> {
  const limits = o.limits ?? READ_LIMITS;
  if (o.signal?.aborted) throw new SheetFileError('aborted');
  checkBeforeReading(bytes, fileName, limits);
  if (running >= MAX_PARALLEL_READS) throw new SheetFileError('busy');
  running += 1;
  // exceljs may park a worksheet in a temporary file; each read gets a directory of its own, removed at the end.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
  // A copy handed over (not cloned again) to the worker; the caller's bytes stay usable.
  const copy = new Uint8Array(bytes); // (Buffer#slice would share the memory, not copy it)
  let worker: Worker;
  try {
    const options = {
      workerData: { bytes: copy, fileName, limits },
      transferList: [copy.buffer],
      env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    };
    worker = process.env.VITEST ? startFromSource(options) : new Worker(new URL('./parse-worker.ts', import.meta.url), options);
  } catch (e) {
    running -= 1;
    fs.rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  try {
    return await new Promise<SheetRow[]>((resolve, reject) => {
      let done = false;
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', onAbort);
        void worker.terminate();
        f();
      };
      const onAbort = () => finish(() => reject(new SheetFileError('aborted')));
      const timer = setTimeout(() => finish(() => reject(new SheetFileError('tooSlow'))), o.timeoutMs ?? MAX_READ_MS);
      o.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (answer: WorkerAnswer) => finish(() => (answer.ok ? resolve(answer.rows) : reject(new SheetFileError(answer.code, answer.params)))));
      // A worker that runs out of its memory limit, or fails to start, or ends without answering.
      worker.on('error', (e) =>
        finish(() =>
          reject(
            e instanceof Error && /memory/i.test(e.message)
              ? new SheetFileError('unpackedTooLarge', { max: Math.round(limits.maxUnpackedBytes / 1024 / 1024) })
              : new SheetFileError('unreadable'),
          ),
        ),
      );
      worker.on('exit', () => finish(() => reject(new SheetFileError('unreadable'))));
    });
  } finally {
    running -= 1;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
