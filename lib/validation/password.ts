import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** How many of the four character classes (lower case, upper case, digits, anything else) a password uses. */
export function characterClasses(v: string): number {
  let n = 0;
  if (/\p{Ll}/u.test(v)) n++;
  if (/\p{Lu}/u.test(v)) n++;
  if (/\p{Nd}/u.test(v)) n++;
  if (/[^\p{Ll}\p{Lu}\p{Nd}]/u.test(v)) n++;
  return n;
}

/** Character classes a new password needs when the policy asks for complexity. */
export const PASSWORD_CLASSES = 3;

/**
 * The password rules of every account: 12 to 200 characters, not the account's own email
 * address (compared trimmed and case-insensitively) and, when the security policy asks for it
 * (the default), at least three of the four character classes. Only new passwords are checked:
 * an existing one keeps working. Messages are keys under `validation` or `accounts`.
 */
export function passwordPolicy(email: string, options: { complexity: boolean } = { complexity: true }) {
  return z
    .string()
    .min(PASSWORD_MIN)
    .max(PASSWORD_MAX)
    .refine((v) => !sameText(v, email), 'accounts.errors.passwordIsEmail')
    .refine((v) => !options.complexity || characterClasses(v) >= PASSWORD_CLASSES, 'passwordPolicy.tooSimple');
}

/** The form of a user changing their own password; the policy itself needs the account's email. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX),
    newPassword: z.string().min(1, 'required').max(PASSWORD_MAX),
    repeatPassword: z.string().min(1, 'required').max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { path: ['repeatPassword'], message: 'accounts.errors.passwordMismatch' });
export type ChangePasswordInput = z.output<typeof changePasswordInput>;
