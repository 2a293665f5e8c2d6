import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectedAnswer, HTTP_MATRIX, WHO, type Answer, type Who } from '../tests/authz/http-matrix';
import { MATRIX_ACCOUNT, storageState } from './accounts';

/**
 * The authorization matrix (tests/authz/http-matrix.ts), over HTTP against the production
 * build: every page and route handler, as an anonymous visitor, operator 1, operator 2 (another
 * carrier), committee staff and each of the three administrators. One test per row, so that the run lists every route.
 */
const ACCOUNT = MATRIX_ACCOUNT;

async function answerOf(request: APIRequestContext, method: 'GET' | 'POST', path: string, origin: string): Promise<Answer> {
  const res = method === 'POST' ? await request.post(path, { maxRedirects: 0, headers: { origin } }) : await request.get(path, { maxRedirects: 0 });
  const status = res.status();
  if (status === 307 || status === 308 || status === 302) {
    const location = res.headers()['location'] ?? '';
    if (new URL(location, origin).pathname === '/login') return 'login';
  }
  return status as Answer;
}

test.describe('authorization matrix', () => {
  const contexts = new Map<Who, APIRequestContext>();
  test.beforeAll(async ({ playwright, baseURL }) => {
    for (const who of WHO) {
      contexts.set(
        who,
        await playwright.request.newContext({
          baseURL,
          storageState: who === 'anonymous' ? { cookies: [], origins: [] } : storageState(ACCOUNT[who]),
        }),
      );
    }
  });
  test.afterAll(async () => {
    for (const c of contexts.values()) await c.dispose();
  });

  for (const row of HTTP_MATRIX) {
    const method = row.method ?? 'GET';
    test(`${method} ${row.path} (${row.file})`, async ({ baseURL }) => {
      const got: Record<string, Answer> = {};
      const want: Record<string, Answer> = {};
      for (const who of WHO) {
        got[who] = await answerOf(contexts.get(who)!, method, row.path, baseURL!);
        want[who] = expectedAnswer(row, who);
      }
      expect(got).toEqual(want);
    });
  }
});

test('a cross-site POST to the import is refused even for its operator', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL, storageState: storageState('operator') });
  const res = await context.post('/api/operator/import', { headers: { origin: 'https://evil.example' }, multipart: { kind: 'ventures' } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: 'crossSite' });
  await context.dispose();
});
