import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from './env';

/** How long a QR code shown for enrolment may be confirmed. */
export const PENDING_ENROLMENT_MINUTES = 15;

/**
 * A secret on its way to enrolment travels in the form, not in the users row: the page signs
 * it (HMAC-SHA-256 with the session key) together with the user it was made for and its
 * expiry, and the confirming action accepts it only with a valid signature, for the same user,
 * before the expiry. A secret a browser makes up or takes from another user is refused.
 */
export type PendingEnrolment = { secret: string; expires: string; signature: string };

function sign(userId: number, secret: string, expires: string): string {
  return createHmac('sha256', authSecret()).update(`totp-enrolment|${userId}|${secret}|${expires}`).digest('base64url');
}

export function signPendingEnrolment(userId: number, secret: string, now: Date): PendingEnrolment {
  const expires = String(now.getTime() + PENDING_ENROLMENT_MINUTES * 60_000);
  return { secret, expires, signature: sign(userId, secret, expires) };
}

/** The secret, when the signature holds for this user and the expiry has not passed; else null. */
export function verifyPendingEnrolment(userId: number, pending: PendingEnrolment, now: Date): string | null {
  if (!/^\d{1,15}$/.test(pending.expires) || Number(pending.expires) <= now.getTime()) return null;
  if (!/^[A-Z2-7]{16,64}$/.test(pending.secret)) return null;
  const expected = Buffer.from(sign(userId, pending.secret, pending.expires));
  const given = Buffer.from(pending.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? pending.secret : null;
}
