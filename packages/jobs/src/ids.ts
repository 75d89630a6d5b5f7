import { randomBytes } from 'node:crypto';

/** Letters and digits a job id may start with (an id starting with "-" reads as an option in a shell command). */
const FIRST_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * About 143 random bits as 24 base64url characters: public job ids cannot be guessed. The first
 * character is a letter or digit, so `mg-ops retry <id>` never takes an id for an option.
 */
export function newJobId(): string {
  const bytes = randomBytes(18);
  const first = FIRST_CHARACTERS[bytes[0]! % FIRST_CHARACTERS.length]!;
  return first + bytes.toString('base64url').slice(1);
}
