import fs from 'node:fs';
import { chromium, type FullConfig } from '@playwright/test';
import { ACCOUNTS, signInWithDemoCode, storageState, type AccountKey } from './accounts';

/** Signs each role in once through the real form (both steps) and keeps its session for the specs. */
export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  fs.mkdirSync('e2e/.auth', { recursive: true });
  const browser = await chromium.launch(launchOptions);
  for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/login');
    // Every demo account has the second factor: the code is computed from the demo secret.
    await signInWithDemoCode(page, ACCOUNTS[key]);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await context.storageState({ path: storageState(key) });
    await context.close();
  }
  await browser.close();
}
