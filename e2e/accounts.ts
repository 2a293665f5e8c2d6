export const DEMO_PASSWORD = 'demo1234demo';
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
