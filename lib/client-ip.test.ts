import { afterEach, describe, expect, it } from 'vitest';
import { announcePeerHeader, clientIpFrom, peerHeaderIsSet, requestHostFrom } from './client-ip';

const MARK = Symbol.for('incubator-portal.peer-header');
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[MARK];
});

const forged = {
  'x-portal-peer': '203.0.113.7',
  'x-forwarded-for': '6.6.6.6',
  'x-real-ip': '6.6.6.7',
  host: 'portal.example.gov.cn',
  'x-forwarded-host': 'evil.example',
};

describe('client address (TRUSTED_PROXIES unset)', () => {
  it('without the portal server (next dev), knows no address, whatever the client sent', () => {
    expect(peerHeaderIsSet()).toBe(false);
    expect(clientIpFrom(new Headers(forged))).toBeNull();
    expect(clientIpFrom(forged)).toBeNull();
    expect(requestHostFrom(new Headers(forged))).toBe('portal.example.gov.cn');
  });

  it('behind the portal server, is the socket address it passed on, never a forwarded one', () => {
    announcePeerHeader();
    expect(clientIpFrom(new Headers(forged))).toBe('203.0.113.7');
    expect(clientIpFrom({ ...forged, 'x-portal-peer': '::ffff:127.0.0.5' })).toBe('127.0.0.5');
    expect(clientIpFrom({ 'x-forwarded-for': '6.6.6.6' })).toBeNull();
    expect(requestHostFrom(new Headers(forged))).toBe('portal.example.gov.cn');
  });
});
