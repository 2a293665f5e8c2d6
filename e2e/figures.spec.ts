import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { storageState } from './accounts';

/**
 * Figures that must not mislead, read as their users read them, in both languages: a year set
 * against an incomplete one, a target in per cent, the operator's first page for a nursery, the
 * statistics' level column, the year summary's years and the entry date of graduated ventures.
 * With E2E_SHOTS set, each page is also saved as a screenshot there.
 */
const ROUND_TRIP = { timeout: 60_000 };
const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const LOCALES = ['zh-CN', 'en'] as const;
type Locale = (typeof LOCALES)[number];

async function inLocale(page: Page, locale: Locale) {
  const url = new URL(test.info().project.use.baseURL ?? 'http://localhost');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, domain: url.hostname, path: '/' }]);
}

async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

test.describe.configure({ timeout: 240_000 });

test.describe('the committee', () => {
  test.use({ storageState: storageState('committee') });

  for (const locale of LOCALES) {
    test(`gives no change against a previous year with fewer quarters, and says so (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      const year = thisYear - 1;
      await page.goto(`/committee?year=${year}`);
      const economy = page.getByRole('region', { name: locale === 'en' ? 'Business and innovation (quarterly reports)' : '经营与创新（季度报表）' });
      await expect(economy).toBeVisible(ROUND_TRIP);
      // The demo network's reports begin with the last quarter of the year before last.
      const note = locale === 'en' ? `${year - 1} has report data for Q4 only: no year-on-year change` : `${year - 1} 年仅有第 4 季度的报表数据，不作同比`;
      await expect(economy.getByText(note, { exact: false })).toBeVisible();
      const revenue = economy.getByRole('link', { name: locale === 'en' ? /Revenue/ : /营业收入/ });
      await expect(revenue).toContainText(locale === 'en' ? 'no year-on-year change' : '不作同比');
      await expect(revenue).not.toContainText('%');
      await shot(page, `dashboard-${year}-${locale}`);
    });

    test(`reads a target in per cent against the target, not as a share of it (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      await page.goto(`/committee?year=${thisYear}`);
      const rate = locale === 'en' ? /^-?[\d.,]+% against a target of ≥ [\d.]+%$/ : /^实际 -?[\d.,]+%，目标 ≥ [\d.]+%$/;
      expect(await page.getByText(rate).count()).toBeGreaterThan(0);
      await page.getByText(rate).first().scrollIntoViewIfNeeded();
      await shot(page, `dashboard-targets-${thisYear}-${locale}`);
    });

    test(`says what can be paid and when, and drops the inspection deadline once it is behind (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      const L =
        locale === 'en'
          ? { post: 'Post-subsidy', after: 'Payable once accepted', payable: 'Still payable', due: 'Inspection due' }
          : { post: '后补贴', after: '验收通过后可拨付', payable: '尚可拨付', due: '验收期限' };
      const applicationsIn = async (status: string) => {
        await page.goto(`/committee/applications?status=${status}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible(ROUND_TRIP);
        const hrefs = await page.locator('main a[href^="/committee/applications/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        return [...new Set(hrefs.map((h) => h.split('?')[0]!).filter((h) => /^\/committee\/applications\/\d+$/.test(h)))];
      };
      // The first post-subsidy application of a status, opened.
      const openPostSubsidy = async (status: string) => {
        for (const href of await applicationsIn(status)) {
          await page.goto(href);
          const main = page.getByRole('main');
          await expect(main.getByRole('heading', { level: 1 })).toBeVisible(ROUND_TRIP);
          if ((await main.innerText()).includes(L.post)) return main;
        }
        throw new Error(`no post-subsidy application in status ${status}`);
      };
      // Approved, before its inspection: nothing can be paid yet, and the deadline stands.
      let main = await openPostSubsidy('approved');
      await expect(main.getByText(L.after, { exact: true })).toBeVisible();
      await expect(main.getByText(L.payable, { exact: true })).toHaveCount(0);
      await expect(main.getByText(L.due, { exact: true })).toBeVisible();
      await shot(page, `application-post-subsidy-approved-${locale}`);
      // Paid after a passed inspection: closed, no deadline.
      main = await openPostSubsidy('paid');
      await expect(main.getByText(L.due, { exact: true })).toHaveCount(0);
      await shot(page, `application-post-subsidy-paid-${locale}`);
    });

    test(`shows one level column in the carrier table, and the summary's years without gaps (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      await page.goto('/committee/statistics');
      const caption = locale === 'en' ? /^Carrier operation in \d{4}$/ : /^\d{4}年孵化载体运营情况表$/;
      const carriers = page.getByRole('table', { name: caption });
      await expect(carriers).toBeVisible(ROUND_TRIP);
      const headers = (await carriers.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
      // One level column, the carrier's recognition level; no "level" of the checks beside it.
      const level = locale === 'en' ? 'Level' : '认定级别';
      expect(headers.filter((h) => h === level)).toHaveLength(1);
      expect(headers).not.toContain(locale === 'en' ? 'Severity' : '级别');
      // The checks' column, when a row was flagged, says something on every row.
      if (headers[0] === (locale === 'en' ? 'Check' : '校验结果')) {
        for (const cell of await carriers.locator('tbody tr td:first-child').all()) expect((await cell.innerText()).trim()).not.toBe('');
      } else {
        expect(headers[0]).toBe(locale === 'en' ? 'Carrier' : '载体名称');
      }
      await shot(page, `statistics-${locale}`);

      await page.goto('/committee/summary');
      const select = page.getByRole('combobox', { name: locale === 'en' ? /^Year$/ : /^年度$/ });
      await expect(select).toBeVisible(ROUND_TRIP);
      const years = (await select.locator('option').allInnerTexts()).map(Number);
      expect(years[0]).toBe(thisYear);
      years.forEach((y, i) => expect(y).toBe(thisYear - i));
      expect(years).not.toContain(2015);
      await shot(page, `summary-${locale}`);
    });
  }
});

test.describe('the operator', () => {
  test.use({ storageState: storageState('operator') });

  for (const locale of LOCALES) {
    test(`sees the figures of a nursery on its first page, and none of incubation (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      await page.goto('/operator');
      const select = page.getByRole('combobox', { name: locale === 'en' ? 'Carrier' : '查看载体', exact: true });
      await expect(select).toBeVisible(ROUND_TRIP);
      const nursery = select.locator('option', { hasText: '苗圃' }).first();
      await select.selectOption((await nursery.getAttribute('value'))!);
      await page.getByRole('button', { name: locale === 'en' ? 'Show' : '查看', exact: true }).click();
      await expect(page).toHaveURL(/carrier=\d+/, ROUND_TRIP);
      const figures = page.getByRole('list').filter({ hasText: locale === 'en' ? 'Teams in the nursery' : '苗圃在孵团队' });
      await expect(figures).toBeVisible();
      await expect(figures).toContainText(locale === 'en' ? 'Teams incorporated in' : '年注册成立企业的团队');
      await expect(figures).not.toContainText(locale === 'en' ? 'Tenants incubating' : '在孵企业');
      await expect(figures).not.toContainText(locale === 'en' ? 'Graduation candidates' : '毕业候选');
      await shot(page, `operator-nursery-${locale}`);
    });

    test(`sees the entry date of graduated ventures (${locale})`, async ({ page }) => {
      await inLocale(page, locale);
      await page.goto('/operator/ventures?stage=graduated');
      const table = page.getByRole('table').first();
      await expect(table).toBeVisible(ROUND_TRIP);
      const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
      const col = headers.findIndex((h) => h.startsWith(locale === 'en' ? 'Entered' : '入驻日期'));
      expect(col).toBeGreaterThanOrEqual(0);
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const row of await rows.all()) await expect(row.locator('td, th').nth(col)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
      await shot(page, `ventures-graduated-${locale}`);
    });
  }
});
