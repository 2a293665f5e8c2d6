import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '@/tests/helpers/hostile';
import { returnPathFor, safeReturnPath } from './return-path';

/**
 * Whatever a `next` or `callbackUrl` holds, the path that comes back stays on this site:
 * resolved against this site or any other base it is on this site's host, and it is plain,
 * printable ASCII without backslashes, so no browser reads it as another address and no
 * Location header built from it is refused.
 */
const SITE = 'https://portal.example.gov.cn';

const pieces = [
  '/',
  '//',
  '///',
  '\\',
  '/\\',
  '\\/',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u000b',
  '\u000c',
  '\u007f',
  '\u0085',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%09',
  '%0a',
  '%0D',
  '%00',
  '%252f',
  '%',
  '%%',
  '%g0',
  '.',
  '..',
  './',
  '../',
  '/./',
  '/../',
  '?',
  '#',
  '@',
  ':',
  '@evil.example',
  'evil.example',
  'evil.example:443',
  'javascript:',
  'JaVaScRiPt:',
  'data:',
  'vbscript:',
  'http:',
  'https:',
  'http://',
  'https://',
  'file:',
  'ftp://',
  'portal.example.gov.cn',
  'https://portal.example.gov.cn',
  'http://portal.example.gov.cn',
  'user:pw@',
  '\uff0f',
  '\uff3c',
  '\u2044',
  '\u2215',
  '\u29f8',
  '\u3002',
  '\uff0e',
  '\u200b',
  '\u202e',
  '\ufeff',
  'operator',
  'committee',
  'admin',
  'login',
  'api',
  'LOGIN',
  'Api',
  '载体',
  'é',
  '\ud83d\ude00',
  '\ud800',
  '[::1]',
  '127.0.0.1',
  '0x7f.1',
  'localhost',
  '::',
  ';',
  '&',
  '=',
  'next=',
  'callbackUrl=',
];
const piece = fc.oneof(
  fc.constantFrom(...pieces),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const hostile = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

function expectOnSite(path: string) {
  expect(path.startsWith('/')).toBe(true);
  expect(path.startsWith('//')).toBe(false);
  expect(path).toMatch(/^[\x21-\x7e]+$/);
  expect(path).not.toContain('\\');
  expect(path).not.toMatch(/%(2f|5c)/i);
  for (const base of [`${SITE}/`, 'https://portal.example.gov.cn/a/b/c', 'http://localhost:3000/']) {
    const resolved = new URL(path, base);
    expect(resolved.origin).toBe(new URL(base).origin);
    expect(resolved.username + resolved.password).toBe('');
  }
  expect(new URL(path, SITE).pathname).not.toMatch(/^\/(login|api)(\/|$)/i);
}

describe('return paths under hostile input', () => {
  it('never leave the site nor come back malformed', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const path = safeReturnPath(raw, SITE);
        if (path !== null) expectOnSite(path);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('hand every role a path on the site, theirs to open', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('operator', 'committee', 'admin' as const), (raw, role) => {
        const path = returnPathFor(role, raw, SITE);
        expectOnSite(path);
        const area = path.split(/[/?]/)[1];
        if (area === 'operator' || area === 'committee' || area === 'admin') expect(area).toBe(role);
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('keep every clean path as it was', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.option(segment), (segments, q) => {
        const raw = `/operator/${segments.join('/')}${q ? `?q=${q}` : ''}`;
        expect(safeReturnPath(raw, SITE)).toBe(raw);
      }),
    );
  });
});
