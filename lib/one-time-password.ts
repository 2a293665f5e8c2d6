import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A password for the first sign-in or after a reset: 16 random characters from a
 * cryptographically secure source, in groups of four (e.g. "k7mp-2xrd-9fhw-qa4t").
 */
export function generateOneTimePassword(): string {
  // Letters, digits and the dashes make three character classes, as the password policy asks;
  // a draw without a digit or without a letter (about one in a hundred) is drawn again.
  for (;;) {
    const candidate = drawGroups();
    if (/\d/.test(candidate) && /[a-z]/.test(candidate)) return candidate;
  }
}

function drawGroups(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
