import { expect, type Locator } from '@playwright/test';

/** For what waits on a server round trip (a save, a navigation). */
export const ROUND_TRIP = { timeout: 30_000 };

/** A fresh whole number, so that each run saves figures no earlier run left behind. */
export const fresh = (max: number) => String(1 + Math.floor(Math.random() * max));

/** The rows (or, on a phone, cards) of the quarterly grid `grid` already filed by this carrier, with their venture names. */
export async function filedRows(grid: Locator, count: number): Promise<{ row: Locator; name: string }[]> {
  const rows = grid.locator('tbody tr').filter({ hasText: '已报送' });
  await expect(rows.nth(count - 1)).toBeVisible();
  const out = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out.push({ row, name: (await row.getByRole('link').first().innerText()).trim() });
  }
  return out;
}
