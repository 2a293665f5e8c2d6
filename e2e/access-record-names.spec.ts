import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS as DEMO_ACCOUNTS, CARRIERS } from '../db/seed/carriers';
import { expectedAnswer, HTTP_MATRIX, type HttpRow, type Who } from '../tests/authz/http-matrix';
import { ACCOUNTS, MATRIX_ACCOUNT, storageState, type AccountKey } from './accounts';

/**
 * A page that refuses someone tells them nothing of the record it is about: not in its title,
 * not in its metadata, not in its body. Every page of the authorization matrix
 * (tests/authz/http-matrix.ts) is asked, against the production build, by a visitor without a
 * cookie, a visitor with a forged session cookie, and every signed-in account the page refuses
 * (the wrong role, or the operator of another carrier for a record of operator 1's carriers);
 * none of the answers may hold the name of a demo carrier or of the record the page shows
 * its allowed users. docs/request-hygiene.md
 */
type Asker = Who | 'forged';
const ACCOUNT = MATRIX_ACCOUNT;
const ROLE_ACCOUNT: Record<string, AccountKey> = { operator: 'operator', committee: 'committee', admin: 'admin', security: 'security', auditor: 'auditor' };
const FORGED = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Zm9yZ2Vk.Zm9yZ2VkLXNlc3Npb24tdG9rZW4.Zm9yZ2Vk';

const pages = HTTP_MATRIX.filter((r) => !r.file.startsWith('api/') && (r.method ?? 'GET') === 'GET');
/** Rows about one record: a numeric id in the path (not a filter in the query). */
const isRecordPage = (r: HttpRow) => /\/\d+(\/|$)/.test(r.path.split('?')[0]!);

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/<[^>]+>/g, '')
    .trim();

/** The record part of a page's title ("name · section"), when it has one. */
function titleName(html: string): string[] {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1];
  return title && decode(title).includes(' · ') ? [decode(title).split(' · ')[0]!] : [];
}

/** The texts of the links to records a list shows (e.g. each venture's name in the ventures list). */
function linkNames(html: string, href: RegExp): string[] {
  const names: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
    if (href.test(m[1]!.replace(/&amp;/g, '&'))) names.push(decode(m[2]!));
  }
  return names.filter((n) => n.length >= 2);
}

/** Where the demo's record names are listed, for whom, and which links name records. */
const LISTS: { path: string; as: AccountKey; href: RegExp }[] = [
  { path: '/operator/ventures', as: 'operator', href: /^\/operator\/ventures\/\d+$/ },
  { path: '/operator/applications', as: 'operator', href: /^\/operator\/applications\/\d+$/ },
  { path: '/committee/applications', as: 'committee', href: /^\/committee\/applications\/\d+$/ },
  { path: '/committee/programmes', as: 'committee', href: /^\/committee\/programmes\/\d+$/ },
  { path: '/committee/carriers', as: 'committee', href: /^\/committee\/carriers\/\d+$/ },
  { path: '/admin', as: 'admin', href: /^\/admin\/users\/\d+$/ },
];

/** Every text of the message catalogues (the pages carry them for the browser): never a record's name. */
function catalogueTexts(): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const locale of ['zh-CN', 'en']) {
    const dir = path.join('messages', locale);
    for (const f of fs.readdirSync(dir)) walk(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  return out;
}

/** What the asker may legitimately see on any page: their own name and their own carriers' names. */
function ownNames(asker: Asker): Set<string> {
  if (asker === 'anonymous' || asker === 'forged') return new Set();
  const email = ACCOUNTS[ACCOUNT[asker]];
  const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
  const carriers = CARRIERS.filter((c) => account.carriers.includes(c.key));
  return new Set([account.name, ...carriers.flatMap((c) => [c.name, c.nameEn])]);
}

test.describe('pages that refuse tell nothing of their record', () => {
  const contexts = new Map<Asker, APIRequestContext>();
  const recordNames = new Map<string, string[]>();
  const carrierNames = CARRIERS.flatMap((c) => [c.name, c.nameEn]);

  test.beforeAll(async ({ playwright, baseURL }) => {
    test.setTimeout(180_000);
    const make = (storage: string | { cookies: never[]; origins: never[] }, extraHTTPHeaders?: Record<string, string>) =>
      playwright.request.newContext({ baseURL, storageState: storage, extraHTTPHeaders });
    contexts.set('anonymous', await make({ cookies: [], origins: [] }));
    contexts.set('forged', await make({ cookies: [], origins: [] }, { cookie: `next-auth.session-token=${FORGED}` }));
    for (const [who, key] of Object.entries(ACCOUNT)) contexts.set(who as Who, await make(storageState(key)));
    // The records' names, as the lists show them to their users, and the titles of the record pages.
    for (const list of LISTS) {
      const context = await make(storageState(list.as));
      const res = await context.get(list.path);
      expect(res.status(), `${list.path} as ${list.as}`).toBe(200);
      recordNames.set(list.path, linkNames(await res.text(), list.href));
      await context.dispose();
    }
    for (const row of pages.filter(isRecordPage)) {
      const allowed = row.allow === 'anyone' ? [] : row.allow;
      const key = ROLE_ACCOUNT[allowed[0]!];
      if (!key) continue;
      const context = await make(storageState(key));
      const res = await context.get(row.path, { maxRedirects: 0 });
      expect(res.status(), `${row.path} as ${key}`).toBe(200);
      recordNames.set(row.path, titleName(await res.text()));
      await context.dispose();
    }
  });
  test.afterAll(async () => {
    for (const c of contexts.values()) await c.dispose();
  });

  test('the lists and record pages show the records’ names to the users they are for', () => {
    expect(recordNames.get('/committee/carriers/1')).toContain(CARRIERS[0]!.name);
    for (const list of LISTS) expect(recordNames.get(list.path)!.length, list.path).toBeGreaterThan(0);
  });

  for (const row of pages) {
    test(`GET ${row.path} names no record to whom it refuses`, async () => {
      const refused = (w: Who) => {
        const answer = expectedAnswer(row, w);
        return answer !== 200 && answer !== 307;
      };
      const askers: Asker[] = (['anonymous', 'operator', 'otherOperator', 'committee', 'admin', 'security', 'auditor'] as Who[]).filter(refused);
      // A forged session cookie is no session: refused wherever a visitor is.
      if (refused('anonymous')) askers.push('forged');
      const catalogue = catalogueTexts();
      const names = [...new Set([...carrierNames, ...[...recordNames.values()].flat()])].filter((n) => !catalogue.has(n));
      for (const asker of askers) {
        const res = await contexts.get(asker)!.get(row.path, { maxRedirects: 0 });
        expect(res.status(), `${asker}: ${row.path}`).toBeLessThan(500);
        const body = await res.text();
        const own = ownNames(asker);
        const leaked = names.filter((n) => !own.has(n) && body.includes(n));
        expect(leaked, `${asker} got ${res.status()} for ${row.path}`).toEqual([]);
      }
    });
  }
});
