import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress, effectiveHost, normalizeAddress, parseTrustedProxies, type TrustedProxies } from './trusted-proxies';

const NONE = parseTrustedProxies('')!;
const ONE = parseTrustedProxies('1')!;
const TWO = parseTrustedProxies('2')!;
const LIST = parseTrustedProxies('10.0.0.0/8, 192.168.1.10, fd00::/8')!;

describe('parseTrustedProxies', () => {
  it('reads none, a number of hops, or a list of addresses and ranges', () => {
    for (const v of ['', ' ', '0', 'none', 'NONE']) expect(parseTrustedProxies(v)).toEqual({ kind: 'none' });
    expect(parseTrustedProxies('1')).toEqual({ kind: 'hops', hops: 1 });
    expect(parseTrustedProxies(' 3 ')).toEqual({ kind: 'hops', hops: 3 });
    expect(parseTrustedProxies('10.0.0.0/8,::1')).toEqual({
      kind: 'list',
      ranges: [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '::1', prefix: 128, family: 'ipv6' },
      ],
    });
  });

  it('refuses what it cannot read, so that a typo fails at start-up', () => {
    for (const v of ['-1', '1.5', '99', 'nginx', '10.0.0.0/33', '10.0.0.300', '::1/129', '10.0.0.0/8/8', '10.0.0.0/x', ',']) {
      expect(parseTrustedProxies(v), v).toBeNull();
    }
  });
});

describe('clientAddress', () => {
  it('with no trusted proxy, is the socket address whatever X-Forwarded-For says', () => {
    expect(clientAddress(NONE, '203.0.113.7', '6.6.6.6')).toBe('203.0.113.7');
    expect(clientAddress(NONE, '::ffff:127.0.0.1', '6.6.6.6, 7.7.7.7')).toBe('127.0.0.1');
    expect(clientAddress(NONE, '::1', null)).toBe('::1');
  });

  it('is null when the socket address is unknown (no forged header fills in)', () => {
    expect(clientAddress(NONE, null, '6.6.6.6')).toBeNull();
    expect(clientAddress(ONE, null, '6.6.6.6')).toBeNull();
    expect(clientAddress(ONE, 'not an address', '6.6.6.6')).toBeNull();
  });

  it('with one trusted hop, is the address that proxy appended, not what the client sent before it', () => {
    // nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    expect(clientAddress(ONE, '10.0.0.2', '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress(ONE, '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress(ONE, '10.0.0.2', null)).toBe('10.0.0.2');
  });

  it('with two hops, skips the load balancer too', () => {
    expect(clientAddress(TWO, '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.9')).toBe('203.0.113.7');
    // A shorter chain than the hops: the leftmost entry a proxy wrote.
    expect(clientAddress(TWO, '10.0.0.2', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('with a list, walks from the right past trusted proxies to the first other address', () => {
    expect(clientAddress(LIST, '10.1.2.3', '6.6.6.6, 203.0.113.7, 192.168.1.10')).toBe('203.0.113.7');
    expect(clientAddress(LIST, 'fd12::1', '2001:db8::5')).toBe('2001:db8::5');
    // A peer outside the list is the client itself.
    expect(clientAddress(LIST, '198.51.100.4', '6.6.6.6')).toBe('198.51.100.4');
  });

  it('stops at the last trusted hop when an entry is not an address', () => {
    expect(clientAddress(ONE, '10.0.0.2', 'garbage')).toBe('10.0.0.2');
    expect(clientAddress(LIST, '10.0.0.2', '203.0.113.7, <script>, 10.0.0.3')).toBe('10.0.0.3');
  });

  it('never returns an address the client wrote when no proxy is trusted', () => {
    const ip = fc.oneof(fc.ipV4(), fc.ipV6());
    fc.assert(
      fc.property(ip, fc.array(fc.oneof(ip, fc.string()), { maxLength: 5 }), (peer, chain) => {
        expect(clientAddress(NONE, peer, chain.join(', '))).toBe(normalizeAddress(peer));
      }),
    );
  });

  it('with N hops, is never further left than N entries from the socket', () => {
    const ip = fc.ipV4();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), ip, fc.array(ip, { minLength: 5, maxLength: 8 }), (hops, peer, chain) => {
        const trust: TrustedProxies = { kind: 'hops', hops };
        expect(clientAddress(trust, peer, chain.join(','))).toBe(normalizeAddress(chain[chain.length - hops]!));
      }),
    );
  });
});

describe('effectiveHost', () => {
  it('is the Host header unless the peer is a trusted proxy', () => {
    expect(effectiveHost(NONE, '203.0.113.7', 'portal.example.gov.cn', 'evil.example')).toBe('portal.example.gov.cn');
    expect(effectiveHost(ONE, null, '10.0.0.5:3000', 'evil.example')).toBe('10.0.0.5:3000');
    expect(effectiveHost(LIST, '198.51.100.4', '10.0.0.5:3000', 'evil.example')).toBe('10.0.0.5:3000');
    expect(effectiveHost(ONE, '10.0.0.2', '10.0.0.5:3000', 'portal.example.gov.cn')).toBe('portal.example.gov.cn');
    expect(effectiveHost(LIST, '10.0.0.2', '10.0.0.5:3000', 'evil.example, portal.example.gov.cn')).toBe('portal.example.gov.cn');
    expect(effectiveHost(ONE, '10.0.0.2', 'portal.example.gov.cn', null)).toBe('portal.example.gov.cn');
  });
});
