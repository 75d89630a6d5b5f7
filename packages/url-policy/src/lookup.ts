import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { IsBlockedAddress } from './address-policy.ts';
import { UrlPolicyError } from './errors.ts';

/** Looks a host name up; tests substitute their own answers. */
export type LookupAddresses = (hostname: string) => Promise<string[]>;

const systemLookup: LookupAddresses = async (hostname) =>
  (await lookup(hostname, { all: true })).map((a) => a.address);

/**
 * Resolves a host name (or takes an IP literal) and returns its addresses, refusing the lot when
 * any one is blocked: a name that mixes public and private answers is not trusted. Throws
 * BLOCKED_ADDRESS, or LOOKUP_FAILED when the name has no address; a failing resolver's own error
 * passes through (see toLookupError).
 */
export async function resolveAllowedAddresses(
  hostname: string,
  isBlocked: IsBlockedAddress,
  lookupAddresses: LookupAddresses = systemLookup,
): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await lookupAddresses(host);
  if (addresses.length === 0) throw new UrlPolicyError('LOOKUP_FAILED', { detail: `${host} has no address` });
  const blocked = addresses.filter((address) => isBlocked(address));
  if (blocked.length > 0) {
    throw new UrlPolicyError('BLOCKED_ADDRESS', { detail: `${host} resolves to ${blocked.join(', ')}` });
  }
  return addresses;
}

/** Maps DNS failures to LOOKUP_FAILED; a temporary resolver failure is worth a retry. */
export function toLookupError(error: unknown): UrlPolicyError {
  if (error instanceof UrlPolicyError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new UrlPolicyError('LOOKUP_FAILED', {
    detail: `DNS lookup failed: ${code ?? String(error)}`,
    transient: code !== 'ENOTFOUND',
    cause: error,
  });
}
