import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AppliedMigration, SequenceState } from './catalog';

/**
 * The backup file: gzip-compressed text, one record a line, each line a tag and JSON.
 *   H {format, version, createdAt, source, migrations}   the header, always first
 *   T {name, columns}                                     a table; its rows follow
 *   R {...}                                               one row, as PostgreSQL's to_jsonb gave it
 *   S {name, lastValue, isCalled}                         a sequence
 *   E {rows: {table: count}}                              the end; a file without it is incomplete
 * Rows are kept as the database wrote them (never re-encoded by JavaScript), so big numbers,
 * timestamps to the microsecond and binary columns come back exactly.
 */
export const BACKUP_FORMAT = 'incubator-portal-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.ndjson.gz';

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: string;
  migrations: AppliedMigration[];
};
export type TableData = { name: string; columns: string[]; rows: string[] };
export type Backup = { header: BackupHeader; tables: TableData[]; sequences: SequenceState[] };

/** A problem with a backup file or its use that the message explains fully to the person running the command. */
export class BackupError extends Error {
  name = 'BackupError';
}

export class NotABackupError extends BackupError {
  constructor(file: string, reason: string) {
    super(`${file} is not a backup of this portal (${reason}). Nothing was changed.`);
  }
}

/** backups/<mode>-<UTC timestamp>.ndjson.gz */
export function defaultBackupPath(mode: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
  return path.join('backups', `${mode}-${stamp}${BACKUP_EXTENSION}`);
}

/** Writes records to a temporary file beside `file` and renames it into place when complete. */
export class BackupWriter {
  private readonly partial: string;
  private readonly out: fs.WriteStream;
  private readonly gzip = zlib.createGzip();
  private readonly done: Promise<void>;

  constructor(readonly file: string) {
    if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose another name.`);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.partial = `${file}.partial`;
    this.out = fs.createWriteStream(this.partial);
    this.done = new Promise((resolve, reject) => {
      this.out.on('finish', resolve);
      this.out.on('error', reject);
      this.gzip.on('error', reject);
    });
    this.gzip.pipe(this.out);
  }

  async line(tag: 'H' | 'T' | 'R' | 'S' | 'E', json: string): Promise<void> {
    if (!this.gzip.write(`${tag} ${json}\n`)) await new Promise((r) => this.gzip.once('drain', r));
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
    fs.renameSync(this.partial, this.file);
  }

  async abandon(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    fs.rmSync(this.partial, { force: true });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a whole backup file; throws NotABackupError for anything else. */
export function readBackupFile(file: string): Backup {
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(`${file} does not exist.`);
    throw new NotABackupError(file, 'not a gzip file');
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const fail = (n: number, reason: string): never => {
    throw new NotABackupError(file, `line ${n}: ${reason}`);
  };
  const header = parseJson(lines[0]?.slice(2) ?? '');
  if (!lines[0]?.startsWith('H ') || !isObject(header) || header.format !== BACKUP_FORMAT) fail(1, 'no backup header');
  const h = header as BackupHeader;
  if (h.version !== BACKUP_VERSION) fail(1, `format version ${String(h.version)} is not supported`);
  if (!Array.isArray(h.migrations) || !h.migrations.every((m) => isObject(m) && typeof m.hash === 'string')) fail(1, 'no migration list');

  const tables: TableData[] = [];
  const sequences: SequenceState[] = [];
  let end: Record<string, unknown> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tag = line.slice(0, 2);
    const body = line.slice(2);
    if (end) fail(i + 1, 'data after the end record');
    const value = parseJson(body);
    if (!isObject(value)) fail(i + 1, 'not a JSON object');
    const v = value as Record<string, unknown>;
    if (tag === 'T ') {
      if (typeof v.name !== 'string' || !Array.isArray(v.columns) || !v.columns.every((c) => typeof c === 'string')) fail(i + 1, 'bad table record');
      tables.push({ name: v.name as string, columns: v.columns as string[], rows: [] });
    } else if (tag === 'R ') {
      const table = tables.at(-1) ?? fail(i + 1, 'a row before any table');
      table.rows.push(body);
    } else if (tag === 'S ') {
      if (typeof v.name !== 'string' || !/^-?\d+$/.test(String(v.lastValue)) || typeof v.isCalled !== 'boolean') fail(i + 1, 'bad sequence record');
      sequences.push(v as unknown as SequenceState);
    } else if (tag === 'E ') {
      end = v;
    } else {
      fail(i + 1, 'unknown record');
    }
  }
  if (!end || !isObject(end.rows)) throw new NotABackupError(file, 'the file is incomplete: it has no end record');
  for (const t of tables) {
    if (end.rows[t.name] !== t.rows.length)
      throw new NotABackupError(file, `table ${t.name} has ${t.rows.length} rows, the end record says ${String(end.rows[t.name])}`);
  }
  return { header: h, tables, sequences };
}
