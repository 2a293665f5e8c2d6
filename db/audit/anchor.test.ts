import { describe, expect, it } from 'vitest';
import {
  anchorMessage,
  checkAnchorSignature,
  defaultKeyId,
  DEVELOPMENT_ANCHOR_KEY,
  keyringFromEnv,
  keyringOf,
  parseRetiredKeys,
  signAnchor,
  type AnchorFields,
} from './anchor';

const KEY = { id: 'k2026', secret: 'a'.repeat(16) + 'b'.repeat(16) };
const OLD = { id: 'k2025', secret: 'c'.repeat(40) };
const fields: AnchorFields = { at: new Date('2026-12-07T09:00:00.123Z'), headId: 4200, headHash: 'e'.repeat(64), entryCount: 4188, keyId: KEY.id };
const signed = { ...fields, signature: signAnchor(KEY.secret, fields) };

describe('anchor signatures (HMAC-SHA256)', () => {
  it('signs a fixed text of every field, so that each one counts', () => {
    expect(anchorMessage(fields)).toBe(`incubator-portal/audit-anchor/v1\nk2026\n4200\n${'e'.repeat(64)}\n4188\n2026-12-07T09:00:00.123Z`);
    expect(signed.signature).toMatch(/^[0-9a-f]{64}$/);
    const ring = keyringOf(KEY);
    expect(checkAnchorSignature(ring, signed)).toBe('ok');
    for (const change of [{ headId: 4199 }, { headHash: 'f'.repeat(64) }, { entryCount: 4187 }, { at: new Date('2026-12-07T09:00:00.124Z') }]) {
      expect(checkAnchorSignature(ring, { ...signed, ...change })).toBe('bad_signature');
    }
  });

  it('refuses an anchor forged with another key under the same id, and one of a key it does not know', () => {
    const forged = { ...fields, signature: signAnchor('x'.repeat(32), fields) };
    expect(checkAnchorSignature(keyringOf(KEY), forged)).toBe('bad_signature');
    expect(checkAnchorSignature(keyringOf(KEY), { ...forged, signature: 'not hex' })).toBe('bad_signature');
    expect(checkAnchorSignature(keyringOf(OLD), signed)).toBe('unknown_key');
  });

  it('keeps verifying anchors of a retired key after rotation, and signs only with the new one', () => {
    const before = { ...fields, keyId: OLD.id };
    const old = { ...before, signature: signAnchor(OLD.secret, before) };
    const ring = keyringOf(KEY, [OLD]);
    expect(ring.signing).toEqual(KEY);
    expect(checkAnchorSignature(ring, old)).toBe('ok');
    expect(checkAnchorSignature(ring, signed)).toBe('ok');
  });

  it('reads retired keys as id:secret pairs and refuses what it cannot read', () => {
    expect(parseRetiredKeys(` k2025:${OLD.secret} , k2024:${'d'.repeat(32)}`)).toEqual([OLD, { id: 'k2024', secret: 'd'.repeat(32) }]);
    expect(parseRetiredKeys('')).toEqual([]);
    expect(() => parseRetiredKeys('k2025:short')).toThrow(/id:secret/);
    expect(() => parseRetiredKeys(`:${OLD.secret}`)).toThrow(/id:secret/);
    expect(() => parseRetiredKeys(`bad id:${OLD.secret}`)).toThrow(/id:secret/);
  });

  it('derives a default key id from the key that does not show the key', () => {
    expect(defaultKeyId(KEY.secret)).toMatch(/^k-[0-9a-f]{12}$/);
    expect(defaultKeyId(KEY.secret)).toBe(defaultKeyId(KEY.secret));
    expect(defaultKeyId(KEY.secret)).not.toBe(defaultKeyId(OLD.secret));
    expect(KEY.secret).not.toContain(defaultKeyId(KEY.secret).slice(2));
  });

  it.skipIf(process.env.AUDIT_ANCHOR_KEY)('outside production and without a key, signs with the development key only', () => {
    // NODE_ENV=test, and no AUDIT_ANCHOR_KEY in the test run's environment.
    const ring = keyringFromEnv();
    expect(ring.source).toBe('development');
    expect(ring.signing).toEqual(DEVELOPMENT_ANCHOR_KEY);
    expect([...ring.verifying.keys()]).toEqual(['dev']);
  });
});
