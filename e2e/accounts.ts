import type { Page } from '@playwright/test';
import { DEMO_TOTP_SECRET, totpCode } from '../lib/totp';
import type { Who } from '../tests/authz/http-matrix';

export const DEMO_PASSWORD = 'demo1234demo';
/** Every demo account is enrolled in the second factor with this published secret (README). */
export { DEMO_TOTP_SECRET };
export const ACCOUNTS = {
  operator: 'operator1@example.org',
  operator2: 'operator2@example.org',
  committee: 'committee1@example.org',
  committee2: 'committee2@example.org',
  committee3: 'committee3@example.org',
  admin: 'admin@example.org',
  security: 'security@example.org',
  auditor: 'auditor@example.org',
} as const;
export type AccountKey = keyof typeof ACCOUNTS;
export const storageState = (key: AccountKey) => `e2e/.auth/${key}.json`;

/** The demo account that plays each signed-in asker of the authorization matrix. */
export const MATRIX_ACCOUNT: Record<Exclude<Who, 'anonymous'>, AccountKey> = {
  operator: 'operator',
  otherOperator: 'operator2',
  committee: 'committee',
  admin: 'admin',
  security: 'security',
  auditor: 'auditor',
};

/** The current one-time code of a secret (the demo secret unless another is given). */
export const currentCode = (secret: string = DEMO_TOTP_SECRET) => totpCode(secret, new Date());

/**
 * The sign-in form's second step: waits for the code field, types the secret's current code
 * (or the code given) and signs in.
 */
export async function enterCode(page: Page, code: string = currentCode()) {
  const field = page.getByLabel(/^(验证码|Code)$/);
  await field.waitFor({ timeout: 30_000 });
  await field.fill(code);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
}

/** A demo account's sign-in through the form: email, password, then the demo secret's code. */
export async function signInWithDemoCode(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.getByLabel(/电子邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await enterCode(page);
}
