import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { PipelineError } from '../errors.ts';
import { type IsBlockedAddress, isBlockedAddress, isBlockedHostname } from './address-policy.ts';

export const MAX_URL_LENGTH = 2048;

/** What a URL's host is, after the WHATWG parser has canonicalised it. */
export type UrlHost = { kind: 'ip'; address: string } | { kind: 'name'; name: string };

/**
 * The WHATWG parser turns every IPv4 notation (2130706433, 0177.0.0.1, 0x7f.1, 127.1) into dotted
 * decimal and compresses IPv6, so classifying `hostname` covers them all.
 */
export function classifyUrlHost(url: URL): UrlHost {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? { kind: 'ip', address: host } : { kind: 'name', name: host };
}

/** Parses an http(s) URL without credentials and within the length cap, or throws INVALID_URL. */
export function parseHttpUrl(raw: string): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw new PipelineError('INVALID_URL', { detail: `URL longer than ${MAX_URL_LENGTH} characters` });
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (cause) {
    throw new PipelineError('INVALID_URL', { detail: 'unparseable URL', cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PipelineError('INVALID_URL', { detail: `scheme ${url.protocol} not allowed` });
  }
  if (url.username !== '' || url.password !== '') {
    throw new PipelineError('INVALID_URL', { detail: 'URLs with credentials are not allowed' });
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new PipelineError('INVALID_URL', { detail: `URL longer than ${MAX_URL_LENGTH} characters` });
  }
  return url;
}

/**
 * The checks that need no network: scheme, credentials, length, blocked names and IP literals.
 * `isBlocked` null means private networks are allowed (the scheme checks still apply).
 */
export function parseAllowedUrl(raw: string, isBlocked: IsBlockedAddress | null): URL {
  const url = parseHttpUrl(raw);
  if (!isBlocked) return url;
  const host = classifyUrlHost(url);
  const blocked = host.kind === 'ip' ? isBlocked(host.address) : isBlockedHostname(host.name);
  if (blocked) throw new PipelineError('BLOCKED_ADDRESS', { detail: `host ${url.hostname}` });
  return url;
}

/**
 * Resolves a host name (or takes an IP literal) and returns its addresses, refusing the lot when
 * any one is blocked: a name that mixes public and private answers is not trusted.
 */
export async function resolveAllowedAddresses(
  hostname: string,
  isBlocked: IsBlockedAddress | null,
): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0) throw new PipelineError('FETCH_FAILED', { detail: `${host} has no address` });
  const blocked = isBlocked ? addresses.filter((address) => isBlocked(address)) : [];
  if (blocked.length > 0) {
    throw new PipelineError('BLOCKED_ADDRESS', { detail: `${host} resolves to ${blocked.join(', ')}` });
  }
  return addresses;
}

export interface UrlAllowedOptions {
  /** Skip the address checks (trusted intranets, local tests); the scheme checks still apply. */
  allowPrivateNetwork?: boolean;
}

/** Internal knobs; not part of the public API. */
export interface UrlPolicyInternals {
  /** Tests only: replaces the address policy, e.g. to let 127.0.0.1 stand in for a public host. */
  isBlockedAddressForTests?: IsBlockedAddress;
}

/** The policy the fetch stage applies: null when private networks are allowed. */
export function addressPolicyFor(
  options: UrlAllowedOptions,
  internals: UrlPolicyInternals = {},
): IsBlockedAddress | null {
  if (options.allowPrivateNetwork) return null;
  return internals.isBlockedAddressForTests ?? isBlockedAddress;
}

/**
 * Validates a URL the way the fetch stage will, including a DNS lookup of its host, so the API
 * can refuse a job up front. Throws INVALID_URL, BLOCKED_ADDRESS, or FETCH_FAILED (unknown host).
 * The fetch stage checks again on every connection, so a later DNS change cannot slip through.
 */
export async function assertUrlAllowed(url: string, options: UrlAllowedOptions = {}): Promise<URL> {
  return assertUrlAllowedInternal(url, options, {});
}

export async function assertUrlAllowedInternal(
  url: string,
  options: UrlAllowedOptions,
  internals: UrlPolicyInternals,
): Promise<URL> {
  const isBlocked = addressPolicyFor(options, internals);
  const parsed = parseAllowedUrl(url, isBlocked);
  if (!isBlocked) return parsed;
  try {
    await resolveAllowedAddresses(parsed.hostname, isBlocked);
  } catch (error) {
    throw toLookupError(error);
  }
  return parsed;
}

/** Maps DNS failures to FETCH_FAILED; a temporary resolver failure is worth a retry. */
export function toLookupError(error: unknown): PipelineError {
  if (error instanceof PipelineError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new PipelineError('FETCH_FAILED', {
    detail: `DNS lookup failed: ${code ?? String(error)}`,
    transient: code !== 'ENOTFOUND',
    cause: error,
  });
}
