import { isIP } from 'node:net';
import {
  type IsBlockedAddress,
  isAlwaysBlockedAddress,
  isAlwaysBlockedHostname,
  isBlockedAddress,
  isBlockedHostname,
  isLocalhostName,
  isLoopbackAddress,
} from './address-policy.ts';
import { UrlPolicyError } from './errors.ts';
import { type LookupAddresses, resolveAllowedAddresses, toLookupError } from './lookup.ts';

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

/** Parses an http(s) URL without credentials and within the length cap, or throws UrlPolicyError INVALID_URL. */
export function parseHttpUrl(raw: string): URL {
  if (raw.length > MAX_URL_LENGTH) {
    throw new UrlPolicyError('INVALID_URL', { detail: `URL longer than ${MAX_URL_LENGTH} characters` });
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (cause) {
    throw new UrlPolicyError('INVALID_URL', { detail: 'unparseable URL', cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UrlPolicyError('INVALID_URL', { detail: `scheme ${url.protocol} not allowed` });
  }
  if (url.username !== '' || url.password !== '') {
    throw new UrlPolicyError('INVALID_URL', { detail: 'URLs with credentials are not allowed' });
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new UrlPolicyError('INVALID_URL', { detail: `URL longer than ${MAX_URL_LENGTH} characters` });
  }
  return url;
}

/**
 * What the fetch stage may reach. `isBlocked` judges every address a connection would go to,
 * `isBlockedHostname` the names refused before any DNS query, `isAllowedPort` the URL's port.
 */
export interface UrlPolicy {
  isBlocked: IsBlockedAddress;
  isBlockedHostname: (hostname: string) => boolean;
  isAllowedPort: (port: number) => boolean;
}

/**
 * The checks that need no network: scheme, credentials, length, port, blocked names and IP
 * literals. Throws UrlPolicyError INVALID_URL or BLOCKED_ADDRESS.
 */
export function parseAllowedUrl(raw: string, policy: UrlPolicy): URL {
  const url = parseHttpUrl(raw);
  // Refused before any connection, with the same error as a refused address, so the answer says
  // nothing about whether anything listens on that port.
  if (!policy.isAllowedPort(portOf(url))) {
    throw new UrlPolicyError('BLOCKED_ADDRESS', { detail: `port ${portOf(url)} not allowed` });
  }
  const host = classifyUrlHost(url);
  const blocked = host.kind === 'ip' ? policy.isBlocked(host.address) : policy.isBlockedHostname(host.name);
  if (blocked) throw new UrlPolicyError('BLOCKED_ADDRESS', { detail: `host ${url.hostname}` });
  return url;
}

/** The port a URL connects to (the scheme's default when it names none). */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * How far the fetch stage may reach beyond the public internet. `false` (production): public
 * addresses only. `'loopback'` (the `npm start` try-out): also this machine (127.0.0.0/8, ::1,
 * localhost). `true` (tests, trusted intranets): also private networks. Cloud metadata and
 * link-local addresses are refused in every case.
 */
export type PrivateNetworkAccess = boolean | 'loopback';

/** Ports a production fetch may connect to, unless ALLOWED_PORTS adds more. */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];

export interface UrlAllowedOptions {
  /** See PrivateNetworkAccess; default false. The scheme checks always apply. */
  allowPrivateNetwork?: PrivateNetworkAccess;
  /**
   * Ports allowed besides 80 and 443 for public addresses (ALLOWED_PORTS). With a private-network
   * opt-in (`true` or `'loopback'`) every port is allowed: local servers listen anywhere.
   */
  allowedPorts?: readonly number[];
}

/** Internal knobs; not part of the public API. */
export interface UrlPolicyInternals {
  /**
   * Tests only: replaces the address policy, e.g. to let 127.0.0.1 stand in for a public host.
   * The port policy is then off too: test servers listen on random ports.
   */
  isBlockedAddressForTests?: IsBlockedAddress;
  /** Tests only: answers DNS lookups, e.g. a name that resolves to a private address. */
  lookupForTests?: LookupAddresses;
}

/** The policy the fetch stage and job.create apply. */
export function urlPolicyFor(options: UrlAllowedOptions, internals: UrlPolicyInternals = {}): UrlPolicy {
  const access = options.allowPrivateNetwork ?? false;
  if (internals.isBlockedAddressForTests) {
    return {
      isBlocked: internals.isBlockedAddressForTests,
      isBlockedHostname: isBlockedHostname,
      isAllowedPort: () => true,
    };
  }
  if (access === true) {
    return {
      isBlocked: isAlwaysBlockedAddress,
      isBlockedHostname: isAlwaysBlockedHostname,
      isAllowedPort: () => true,
    };
  }
  if (access === 'loopback') {
    return {
      isBlocked: (address) => !isLoopbackAddress(address) && isBlockedAddress(address),
      isBlockedHostname: (name) => !isLocalhostName(name) && isBlockedHostname(name),
      isAllowedPort: () => true,
    };
  }
  const ports = new Set([...DEFAULT_ALLOWED_PORTS, ...(options.allowedPorts ?? [])]);
  return { isBlocked: isBlockedAddress, isBlockedHostname, isAllowedPort: (port) => ports.has(port) };
}

/**
 * Validates a URL the way the fetch stage will, including a DNS lookup of its host, so the API
 * can refuse a job up front. Throws UrlPolicyError INVALID_URL, BLOCKED_ADDRESS, or LOOKUP_FAILED
 * (unknown host, or a failing resolver).
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
  const policy = urlPolicyFor(options, internals);
  const parsed = parseAllowedUrl(url, policy);
  try {
    await resolveAllowedAddresses(parsed.hostname, policy.isBlocked, internals.lookupForTests);
  } catch (error) {
    throw toLookupError(error);
  }
  return parsed;
}
