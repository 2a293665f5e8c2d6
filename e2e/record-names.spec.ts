import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS as DEMO_ACCOUNTS, CARRIERS } from '../db/seed/carriers';
import { expectedAnswer, HTTP_MATRIX, type HttpRow, type Who } from '../tests/authz/http-matrix';
import { ACCOUNTS, storageState, type AccountKey } from './accounts';

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
const ACCOUNT: Record<Exclude<Who, 'anonymous'>, AccountKey> = {
  operator: 'operator',
  otherOperator: 'operator2',
  committee: 'committee',
  admin: 'admin',
  security: 'security',
  auditor: 'auditor',
};
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

/** The names a page shows its allowed users: the record part of its title and its heading. */
function namesIn(html: string): string[] {
  const names: string[] = [];
  const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(html)?.[1];
  if (title && decode(title).includes(' · ')) names.push(decode(title).split(' · ')[0]!);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  if (h1) names.push(decode(h1));
  return names.filter((n) => n.length >= 2);
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
    // What each record page shows the users it is for.
    for (const row of pages.filter(isRecordPage)) {
      const allowed = row.allow === 'anyone' ? [] : row.allow;
      const key = ROLE_ACCOUNT[allowed[0]!];
      if (!key) continue;
      const context = await make(storageState(key));
      const res = await context.get(row.path, { maxRedirects: 0 });
      expect(res.status(), `${row.path} as ${key}`).toBe(200);
      recordNames.set(row.path, namesIn(await res.text()));
      await context.dispose();
    }
  });
  test.afterAll(async () => {
    for (const c of contexts.values()) await c.dispose();
  });

  test('the record pages show their records’ names to the users they are for', () => {
    expect(recordNames.get('/committee/carriers/1')).toContain(CARRIERS[0]!.name);
    expect([...recordNames.values()].flat().length).toBeGreaterThan(5);
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
      const names = [...new Set([...carrierNames, ...[...recordNames.values()].flat()])];
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
