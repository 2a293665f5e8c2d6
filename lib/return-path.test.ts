import { describe, expect, it } from 'vitest';
import { returnPathFor, safeReturnPath } from './return-path';

const SITE = 'https://portal.example.gov.cn';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeReturnPath('/committee?year=2015', SITE)).toBe('/committee?year=2015');
    expect(safeReturnPath('/operator/ventures?q=%E5%AD%B5', SITE)).toBe('/operator/ventures?q=%E5%AD%B5');
    expect(safeReturnPath(`${SITE}/operator`, SITE)).toBe('/operator');
    expect(safeReturnPath('operator', SITE)).toBe('/operator');
  });

  it('percent-encodes what is not ASCII, so the Location header is always valid', () => {
    expect(safeReturnPath('/committee/载体', SITE)).toBe('/committee/%E8%BD%BD%E4%BD%93');
    expect(safeReturnPath('/operator?q=孵 化', SITE)).toBe('/operator?q=%E5%AD%B5%20%E5%8C%96');
  });

  it.each([
    ['tab inside the path (the reported payload)', '/\t/evil.example/phish'],
    ['newline', '/\n/evil.example'],
    ['carriage return', '/\r\n//evil.example'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash', '/\\evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['encoded slash', '/%2fevil.example'],
    ['encoded slashes', '/%2F%2Fevil.example'],
    ['encoded backslash', '/%5cevil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded newline', '/%0a/evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['another site', 'http://evil.example/'],
    ['another port', 'https://portal.example.gov.cn:8443/operator'],
    ['another scheme', 'http://portal.example.gov.cn/operator'],
    ['user info', 'https://portal.example.gov.cn@evil.example/'],
    ['user info on this site', 'https://user:pw@portal.example.gov.cn/operator'],
    ['dot segments folding to //', '/.//evil.example'],
    ['dot segments folding to // deeper', '/a/..//evil.example'],
    ['sign-in', '/login?callbackUrl=/operator'],
    ['sign-in, other case', '/LOGIN'],
    ['route handler', '/api/auth/signout'],
    ['empty', ''],
    ['spaces only', '   '],
    ['too long', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, raw) => {
    expect(safeReturnPath(raw, SITE)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeReturnPath(undefined, SITE)).toBeNull();
    expect(safeReturnPath(['/operator'], SITE)).toBeNull();
    expect(safeReturnPath(null, SITE)).toBeNull();
  });

  it('works without a configured address (paths only)', () => {
    expect(safeReturnPath('/admin')).toBe('/admin');
    expect(safeReturnPath('//evil.example')).toBeNull();
    expect(safeReturnPath('http://localhost:3000/admin')).toBeNull();
  });
});

describe('returnPathFor', () => {
  it('sends a role to the requested page when it is theirs, else home', () => {
    expect(returnPathFor('operator', '/operator/ventures', SITE)).toBe('/operator/ventures');
    expect(returnPathFor('operator', '/committee', SITE)).toBe('/operator');
    expect(returnPathFor('operator', '/committee?year=2015', SITE)).toBe('/operator');
    expect(returnPathFor('operator', 'committee?$', SITE)).toBe('/operator');
    expect(returnPathFor('committee', '/committee?year=2015', SITE)).toBe('/committee?year=2015');
    expect(returnPathFor('committee', '/\t/evil.example', SITE)).toBe('/committee');
    expect(returnPathFor('admin', undefined, SITE)).toBe('/admin');
    expect(returnPathFor('admin', '/account/password', SITE)).toBe('/account/password');
  });
});
