import { randomBytes } from 'node:crypto';

/** 144 random bits as 24 base64url characters: public job ids cannot be guessed. */
export function newJobId(): string {
  return randomBytes(18).toString('base64url');
}
