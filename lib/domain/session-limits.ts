/**
 * Whether a session is still open at `now`, from its row and the limits in force. Pure: the
 * caller reads the row and the policy, and passes the time.
 */
export type SessionTimes = {
  startedAt: Date;
  lastSeenAt: Date;
  /** The absolute end fixed at sign-in. */
  expiresAt: Date;
  endedAt: Date | null;
};

export type SessionLimits = { sessionIdleMinutes: number; sessionMaxHours: number };

export type SessionVerdict = 'active' | 'ended' | 'expired' | 'idle';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The moment the session ends whatever the client does: the end fixed at sign-in, or sooner
 * when the policy's absolute lifetime was shortened since.
 */
export function absoluteEnd(s: Pick<SessionTimes, 'startedAt' | 'expiresAt'>, limits: Pick<SessionLimits, 'sessionMaxHours'>): Date {
  return new Date(Math.min(s.expiresAt.getTime(), s.startedAt.getTime() + limits.sessionMaxHours * HOUR));
}

/** The moment the session ends when no further request comes. */
export function idleEnd(s: Pick<SessionTimes, 'lastSeenAt'>, limits: Pick<SessionLimits, 'sessionIdleMinutes'>): Date {
  return new Date(s.lastSeenAt.getTime() + limits.sessionIdleMinutes * MINUTE);
}

export function sessionVerdict(s: SessionTimes, limits: SessionLimits, now: Date): SessionVerdict {
  if (s.endedAt) return 'ended';
  if (now.getTime() >= absoluteEnd(s, limits).getTime()) return 'expired';
  if (now.getTime() >= idleEnd(s, limits).getTime()) return 'idle';
  return 'active';
}

/**
 * Last use is recorded at most once a minute per session, so that a busy session costs no write
 * per request; under a short idle limit, at least four times within it, so that a session in use
 * is never taken for an idle one.
 */
export const LAST_SEEN_RESOLUTION_MS = MINUTE;

export function lastSeenIsStale(s: Pick<SessionTimes, 'lastSeenAt'>, limits: Pick<SessionLimits, 'sessionIdleMinutes'>, now: Date): boolean {
  const resolution = Math.min(LAST_SEEN_RESOLUTION_MS, (limits.sessionIdleMinutes * MINUTE) / 4);
  return now.getTime() - s.lastSeenAt.getTime() >= resolution;
}

/** Whether a password set at `changedAt` is past the policy's maximum age at `now`. */
export function passwordExpired(changedAt: Date, maxAgeDays: number | null, now: Date): boolean {
  if (maxAgeDays === null) return false;
  return now.getTime() - changedAt.getTime() >= maxAgeDays * 24 * HOUR;
}
