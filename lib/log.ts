import pino, { type Logger } from 'pino';
import { env } from './env';

/**
 * The portal's one logger: JSON lines (pino) on standard output, and appended to LOG_FILE as
 * well when it is set. Each line has `level`, `time` (ISO), `pid`, `hostname` and `msg`; the
 * production server's line per request adds `requestId`, `method`, `route`, `path`, `status`
 * and `durationMs` (lib/server/request-log.ts), an error adds `err` and, when it happened
 * while serving a request, its `requestId`.
 *
 * Kept on globalThis, so that the server's bundles (instrumentation, pages, route handlers) and
 * Next's module reloading share one logger and one open file. No `server-only` marker: command-
 * line scripts may log through it too.
 */
const KEY = Symbol.for('incubator-portal.logger');
const holder = globalThis as unknown as Record<symbol, Logger | undefined>;

function create(): Logger {
  const options = { level: env.log.level, timestamp: pino.stdTimeFunctions.isoTime };
  if (!env.log.file) return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pino.multistream([
      { stream: pino.destination({ dest: 1, sync: true }), level: 'trace' },
      { stream: pino.destination({ dest: env.log.file, sync: true, mkdir: true, append: true }), level: 'trace' },
    ]),
  );
}

export function logger(): Logger {
  holder[KEY] ??= create();
  return holder[KEY];
}
