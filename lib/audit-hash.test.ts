import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from './audit-hash';

const entry = {
  at: '2026-03-01T08:00:00.123Z',
  userId: 7,
  role: 'operator',
  action: 'carrier.updateProfile',
  entity: 'carrier',
  entityId: '3',
  carrierId: 3,
  before: { totalAreaM2: 10_000, publicProfile: true },
  after: { totalAreaM2: 12_000, publicProfile: false },
  ip: '127.0.0.1',
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1},3]},"b":1}');
  });

  it('writes dates as ISO strings and drops undefined members as JSON does', () => {
    expect(canonicalJson({ when: new Date('2026-01-02T03:04:05.006Z'), gone: undefined, list: [undefined] })).toBe(
      '{"list":[null],"when":"2026-01-02T03:04:05.006Z"}',
    );
  });

  it('keeps a __proto__ key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe('auditHash', () => {
  it('is the same whatever the key order of before and after (as jsonb returns them)', () => {
    const reordered = { ...entry, before: { publicProfile: true, totalAreaM2: 10_000 }, after: { publicProfile: false, totalAreaM2: 12_000 } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, entry));
  });

  it('takes a stored timestamp as its ISO string', () => {
    expect(auditHash(GENESIS_HASH, { ...entry, at: new Date(entry.at) })).toBe(auditHash(GENESIS_HASH, entry));
  });

  it('changes with any field and with the previous hash', () => {
    const h = auditHash(GENESIS_HASH, entry);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash('1'.repeat(64), entry)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, ip: '10.0.0.1' })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, after: { ...entry.after, totalAreaM2: 12_001 } })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, at: '2026-03-01T08:00:00.124Z' })).not.toBe(h);
  });

  it('hashes an entry without a request id as before request ids were recorded, and covers one when it is there', () => {
    // The hash of `entry` as every entry before the request_id column was written (a fixed value:
    // changing how an entry without a request id hashes would break every existing chain).
    const h = auditHash(GENESIS_HASH, entry);
    expect(h).toBe('3fd9c03cac1842fd1a6460792cb196fe16c010ff277a75f3b4aa2993403145e8');
    expect(auditHash(GENESIS_HASH, { ...entry, requestId: null })).toBe(h);
    const withId = auditHash(GENESIS_HASH, { ...entry, requestId: 'req-00000001' });
    expect(withId).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...entry, requestId: 'req-00000002' })).not.toBe(withId);
  });
});
