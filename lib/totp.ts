/**
 * The second factor's pure rules: time-based one-time codes (RFC 6238: HMAC-SHA-1, 30-second
 * steps, 6 digits, one step of clock drift either way) and single-use recovery codes.
 * No database and no clock here: the caller passes the time. No 'server-only' either, so that
 * the demo seed (run outside Next) and the tests can use it.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createGuardrails, generateSecret, generateSync, generateURI, verifySync } from 'otplib';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted (clocks drift). */
export const TOTP_WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const ISSUER = 'Incubator Network Portal';

/**
 * The published demo secret (10 bytes, the length many authenticator examples use). Secrets
 * the portal generates are 20 bytes; shorter ones are accepted down to the demo's length.
 */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** A fresh secret of 160 bits, base32, as authenticator apps expect it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

const epochOf = (now: Date) => Math.floor(now.getTime() / 1000);

/** The code for `now` (tests, the demo's instructions). `secret` is base32 or raw bytes. */
export function totpCode(secret: string | Uint8Array, now: Date, digits: 6 | 8 = TOTP_DIGITS): string {
  return generateSync({ secret, epoch: epochOf(now), period: TOTP_PERIOD_SECONDS, digits, algorithm: 'sha1', guardrails });
}

/** Only digits, spaces and dashes may surround the six digits a user types or pastes. */
export function normaliseTotpInput(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Whether `code` is the secret's code at `now`, or at the step just before or after.
 * Returns the matched time step (for a caller that refuses replays), or null.
 */
export function verifyTotp(secret: string | Uint8Array, code: string, now: Date, digits: 6 | 8 = TOTP_DIGITS): number | null {
  const token = digits === TOTP_DIGITS ? normaliseTotpInput(code) : code.trim();
  if (!token || token.length !== digits) return null;
  try {
    const r = verifySync({
      secret,
      token,
      epoch: epochOf(now),
      period: TOTP_PERIOD_SECONDS,
      digits,
      algorithm: 'sha1',
      epochTolerance: TOTP_WINDOW_STEPS * TOTP_PERIOD_SECONDS,
      guardrails,
    });
    return r.valid && 'timeStep' in r ? (r.timeStep as number) : null;
  } catch {
    // A malformed secret or token is simply not a match.
    return null;
  }
}

/** The otpauth:// address an authenticator app reads from the enrolment QR code. */
export function otpauthUri(secret: string, account: string): string {
  return generateURI({ issuer: ISSUER, label: account, secret, algorithm: 'sha1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_SHAPE = [4, 4, 2];
const RECOVERY_LENGTH = RECOVERY_SHAPE.reduce((a, b) => a + b, 0);

/** Ten codes like `k7mp-2xrd-9f` (about 49 bits each), from a cryptographically secure source. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    RECOVERY_SHAPE.map((n) => Array.from({ length: n }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')).join('-'),
  );
}

/** A recovery code as typed (any case, with or without dashes and spaces), or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, '');
  if (s.length !== RECOVERY_LENGTH) return null;
  for (const ch of s) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return s;
}

const sha256 = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('hex');

/** `sha256$<salt>$<hash>` with a random salt per code; the code itself is never stored. */
export function hashRecoveryCode(code: string): string {
  const normalised = normaliseRecoveryCode(code);
  if (!normalised) throw new Error('Not a recovery code');
  const salt = randomBytes(16).toString('hex');
  return `sha256$${salt}$${sha256(salt, normalised)}`;
}

/** Whether a typed code matches a stored hash (compared in constant time). */
export function recoveryCodeMatches(input: string, stored: string): boolean {
  const normalised = normaliseRecoveryCode(input);
  const [scheme, salt, hash] = stored.split('$');
  if (!normalised || scheme !== 'sha256' || !salt || !hash) return false;
  const a = Buffer.from(sha256(salt, normalised), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a typed second-factor field is: a one-time code, a recovery code, or nothing usable. */
export function secondFactorKind(input: string): 'totp' | 'recovery' | null {
  if (normaliseTotpInput(input)) return 'totp';
  if (normaliseRecoveryCode(input)) return 'recovery';
  return null;
}
