import { describe, expect, it } from 'vitest';
import { lastSeenIsStale, sessionVerdict } from './session-limits';

const T0 = new Date('2026-12-01T08:00:00Z');
const after = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const session = { startedAt: T0, lastSeenAt: T0, expiresAt: after(8 * 3600), endedAt: null };

describe('session limits', () => {
  it('records last use at most once a minute under the usual idle limit', () => {
    const limits = { sessionIdleMinutes: 30 };
    expect(lastSeenIsStale(session, limits, after(59))).toBe(false);
    expect(lastSeenIsStale(session, limits, after(60))).toBe(true);
  });

  it('keeps a session in use open under a one-minute idle limit: last use is recorded four times within it', () => {
    const limits = { sessionIdleMinutes: 1, sessionMaxHours: 8 };
    expect(lastSeenIsStale(session, limits, after(14))).toBe(false);
    expect(lastSeenIsStale(session, limits, after(15))).toBe(true);
    // A request every 20 seconds: each one finds the session active and records it.
    let lastSeenAt = T0;
    for (let t = 20; t <= 300; t += 20) {
      const now = after(t);
      expect(sessionVerdict({ ...session, lastSeenAt }, limits, now), `at ${t} s`).toBe('active');
      if (lastSeenIsStale({ lastSeenAt }, limits, now)) lastSeenAt = now;
    }
    // Then a minute without a request ends it.
    expect(sessionVerdict({ ...session, lastSeenAt }, limits, new Date(lastSeenAt.getTime() + 60_000))).toBe('idle');
  });
});
