import { describe, expect, it } from 'vitest';
import { generateOneTimePassword } from './one-time-password';
import { characterClasses } from './validation/password';

describe('one-time passwords', () => {
  it('are four groups of four unambiguous characters', () => {
    expect(generateOneTimePassword()).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
  });

  it('always have the three character classes the password policy asks for', () => {
    // Without the redraw about one in a hundred had no digit; 5,000 draws would meet dozens.
    for (let i = 0; i < 5_000; i++) expect(characterClasses(generateOneTimePassword())).toBeGreaterThanOrEqual(3);
  });
});
