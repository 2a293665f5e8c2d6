import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

const h = (init: Record<string, string>) => new Headers(init);

describe('isSameOrigin', () => {
  it('accepts a request whose Origin names the host it was sent to', () => {
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'https://portal.example.gov.cn', host: 'PORTAL.example.gov.cn' }))).toBe(true);
  });

  it('ignores X-Forwarded-Host when no proxy is trusted (TRUSTED_PROXIES unset)', () => {
    // A forged forwarded host cannot make another site's Origin pass.
    expect(isSameOrigin(h({ origin: 'https://evil.example', host: 'portal.example.gov.cn', 'x-forwarded-host': 'evil.example' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://portal.example.gov.cn', host: 'portal.example.gov.cn', 'x-forwarded-host': 'evil.example' }))).toBe(true);
    // The trusted proxy's case is in lib/trusted-proxies.test.ts (effectiveHost).
  });

  it('refuses another site, another port, a look-alike host, and no or an opaque origin', () => {
    const host = 'portal.example.gov.cn';
    for (const origin of ['https://evil.example', 'https://portal.example.gov.cn:8443', 'https://portal.example.gov.cn.evil.example', 'null', 'not a url']) {
      expect(isSameOrigin(h({ origin, host })), origin).toBe(false);
    }
    expect(isSameOrigin(h({ host }))).toBe(false);
    expect(isSameOrigin(h({ origin: `https://${host}` }))).toBe(false);
  });

  it('never throws and accepts only an exact host match, whatever the headers hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (origin, host) => {
        let headers: Headers;
        try {
          headers = h({ origin, host });
        } catch {
          return; // Not a valid header value: a request could not carry it.
        }
        const ok = isSameOrigin(headers);
        if (ok) expect(new URL(origin).host.toLowerCase()).toBe(host.split(',')[0]!.trim().toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
