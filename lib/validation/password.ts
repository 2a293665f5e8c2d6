import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The password rules of every account: 12 to 200 characters, and not the account's own email
 * address (compared trimmed and case-insensitively). Messages are keys under `validation` or
 * `accounts`.
 */
export function passwordPolicy(email: string) {
  return z
    .string()
    .min(PASSWORD_MIN)
    .max(PASSWORD_MAX)
    .refine((v) => !sameText(v, email), 'accounts.errors.passwordIsEmail');
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
