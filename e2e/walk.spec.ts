import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Role } from '../lib/roles';
import { HTTP_MATRIX, type Who } from '../tests/authz/http-matrix';
import { MATRIX_ACCOUNT, storageState, type AccountKey } from './accounts';
import { PAGES } from './pages';
import { makeHistory } from './walk-history';
import { chineseChromeFindings, rawTextFindings } from './walk-matchers';

/**
 * A walk over every page of every role in both languages, as its users read it: no page may show
 * a raw code, an id, JSON or a missing value (e2e/walk-matchers.ts). The pages are those of the
 * authorization matrix (every page file, for every role allowed to open it) and of e2e/pages.ts
 * (the filters worth seeing), and from each page the walk follows links to records (an
 * application, a venture, a carrier, a graduation, a report…), a few of each kind. Every finding
 * is collected, and the last test fails once with the list.
 */

type Locale = 'zh-CN' | 'en';
type Walker = AccountKey | 'visitor';
const LOCALES: Locale[] = ['zh-CN', 'en'];
/** How many records of each kind of page (a path with its ids taken out) the walk follows. */
const RECORDS_PER_KIND = 2;
/**
 * The audit log's filter whose every value the walk opens: each kind of record shows its own
 * changes. (Every action's name is read in the unfiltered page's list of actions.)
 */
const AUDIT_FILTER = 'entity';

function pagesOf(walker: Walker): string[] {
  const paths = new Set<string>();
  if (walker !== 'visitor') {
    for (const row of HTTP_MATRIX) {
      if (!row.file.endsWith('page.tsx') || row.allow === 'anyone') continue;
      const accounts = row.allow.map((role: Role) => MATRIX_ACCOUNT[role as Exclude<Who, 'anonymous'>]);
      if (accounts.includes(walker)) paths.add(row.path);
    }
  }
  for (const p of PAGES) if ((p.as ?? 'visitor') === walker) paths.add(p.path);
  return [...paths];
}

const WALKERS: Walker[] = [...new Set<Walker>([...(Object.values(MATRIX_ACCOUNT) as AccountKey[]), ...PAGES.map((p) => p.as ?? 'visitor')])];

const findings: string[] = [];
const visited: string[] = [];
const kindOf = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id');

/**
 * The visible words of the page's chrome: column headers, labels (not of a choice among records),
 * legends and the portal's navigation. A Chinese word in them that the page also shows as data (in
 * a cell, a heading, a paragraph: a record's name, an indicator someone wrote) is data, not chrome.
 */
async function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const chrome = [...document.querySelectorAll('thead th, legend, nav a, label')].filter(
      (el) =>
        visible(el) &&
        !el.closest('[lang]:not(html)') &&
        !(el.matches('nav a') && el.closest('main')) &&
        !(el.matches('label') && el.querySelector('input[type=checkbox], input[type=radio]')),
    );
    const data = [...document.querySelectorAll('main td, main dd, main h1, main h2, main h3, main p, main li')]
      .filter((el) => !el.closest('thead, label, legend, nav'))
      .map((el) => (el as HTMLElement).innerText)
      .join('\n');
    return chrome.map((el) => {
      // A label's own words, without the choices of the list it holds (carrier names, people).
      const own = el.cloneNode(true) as HTMLElement;
      for (const list of own.querySelectorAll('select, datalist')) list.remove();
      return (own.textContent ?? '').replace(/[\u3400-\u9fff]+/g, (run) => (data.includes(run) ? ' ' : run));
    });
  });
}

async function walk(browser: Browser, baseURL: string, walker: Walker, locale: Locale) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    storageState: walker === 'visitor' ? { cookies: [], origins: [] } : storageState(walker),
  });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
  const page = await context.newPage();
  const queue = pagesOf(walker);
  if (made !== undefined && walker === 'operator') queue.push(`/operator/applications/${made}`);
  if (made !== undefined && walker === 'committee') queue.push(`/committee/applications/${made}`);
  const seen = new Set<string>(queue);
  const followed = new Map<string, number>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    const where = `${path} as ${walker} in ${locale}`;
    const started = Date.now();
    try {
      const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
      if (response && response.status() >= 500) findings.push(`${where}: HTTP ${response.status()}`);
      await page.locator('main').first().waitFor({ timeout: 15_000 });
      // A filter value that matches nothing (e2e/pages.ts writes them with "zzzz" or "no such") is shown back as typed.
      const typed = [...new URL(page.url()).searchParams.values()].filter((v) => /zzzz|no[.\s_-]such/.test(v));
      const text = typed.reduce((t, v) => t.split(v).join(' '), await page.locator('body').innerText());
      visited.push(`${path} ${Date.now() - started} ms`);
      // WALK_SHOTS=<regex of paths>: a picture of each such page at 1366 × 768, to look at (not kept).
      if (process.env.WALK_SHOTS && new RegExp(process.env.WALK_SHOTS).test(path)) {
        await page.screenshot({ path: `/tmp/walk-${walker}-${locale}-${path.replace(/[^\w]+/g, '_')}.png`, fullPage: true });
      }
      const found = rawTextFindings(text, locale);
      if (locale === 'en') found.push(...chineseChromeFindings(await chromeTexts(page)));
      for (const f of found) findings.push(`${where}: ${f.kind}: «${f.snippet}»`);
      const links = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const href of links) {
        const target = new URL(href, baseURL);
        if (target.pathname.startsWith('/api/') || target.pathname === '/login') continue;
        if (!/\/\d+(\/|$)/.test(target.pathname) || seen.has(target.pathname)) continue;
        const kind = kindOf(target.pathname);
        if ((followed.get(kind) ?? 0) >= RECORDS_PER_KIND) continue;
        followed.set(kind, (followed.get(kind) ?? 0) + 1);
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
      if (/\/(audit|auditor)$/.test(path)) {
        const values = await page.locator(`select[name="${AUDIT_FILTER}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        for (const value of values.filter(Boolean)) {
          const filtered = `${path}?${AUDIT_FILTER}=${encodeURIComponent(value)}`;
          if (!seen.has(filtered)) {
            seen.add(filtered);
            queue.push(filtered);
          }
        }
      }
    } catch (error) {
      findings.push(`${where}: the page did not open (${(error as Error).message.split('\n')[0]})`);
    }
  }
  await context.close();
}

test.describe.configure({ mode: 'serial' });

/** The record the history made: its pages are walked besides the lists' first records. */
let made: number | undefined;
test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  made = await makeHistory(browser, baseURL!);
});

for (const walker of WALKERS) {
  for (const locale of LOCALES) {
    test(`every page ${walker} opens reads cleanly in ${locale}`, async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      const before = visited.length;
      await walk(browser, baseURL!, walker, locale);
      test.info().annotations.push({ type: 'pages', description: String(visited.length - before) });
      if (process.env.WALK_LIST) console.log(visited.slice(before).join('\n'));
    });
  }
}

test('no page of the walk shows a raw code, an id, JSON or a missing value', () => {
  expect(findings, findings.join('\n')).toEqual([]);
});
