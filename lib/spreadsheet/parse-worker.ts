import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadLimits } from './limits';
import { readWorkbook, SheetFileError } from './read';

/**
 * The body of the thread that reads one import file (lib/spreadsheet/isolated.ts starts it):
 * it answers with the rows or with the refusal, then ends. Its memory goes with it.
 */
export type WorkerInput = { bytes: Uint8Array; fileName: string; limits: ReadLimits };
export type WorkerAnswer =
  { ok: true; rows: { row: number; cells: string[] }[] } | { ok: false; code: SheetFileError['code']; params?: Record<string, string | number> };

// A low priority for this thread alone (on Linux a thread has its own nice value): when
// the processors are busy, the threads answering requests go first and the reading waits.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // Not allowed here: the reading still runs off the request thread.
  }
}

const { bytes, fileName, limits } = workerData as WorkerInput;
let answer: WorkerAnswer;
try {
  answer = { ok: true, rows: await readWorkbook(bytes, fileName, { limits }) };
} catch (e) {
  answer = e instanceof SheetFileError ? { ok: false, code: e.code, params: e.params } : { ok: false, code: 'unreadable' };
}
parentPort?.postMessage(answer);
