import { describe, expect, it } from 'vitest';
import { newJobId } from './ids.ts';

describe('newJobId', () => {
  it('gives 24 base64url characters that never start with "-" or "_" (a shell would take them for an option)', () => {
    const ids = Array.from({ length: 5000 }, () => newJobId());
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{23}$/u);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
