import { Resolver } from 'node:dns/promises';
import { ApiError } from '@movie-generator/api-contract';
import {
  classifyUrlHost,
  isAlwaysBlockedHostname,
  isLocalhostName,
  isSingleLabelHostname,
  type PrivateNetworkAccess,
  parseAllowedUrl,
  type UrlPolicy,
  UrlPolicyError,
  urlPolicyFor,
} from '@movie-generator/url-policy';

export interface UrlCheckOptions {
  allowPrivateNetwork: PrivateNetworkAccess;
  /** Ports allowed besides 80 and 443 (ALLOWED_PORTS). */
  allowedPorts?: readonly number[];
  /** How long job.create waits for DNS before accepting the URL anyway. */
  dnsTimeoutMs?: number;
  /** DNS checks one client may have under way at once; more are refused with RATE_LIMITED. */
  maxChecksPerClient?: number;
  /** Tests only: DNS servers (`host:port`) instead of the system's. */
  dnsServers?: string[];
}

/**
 * job.create's URL checks, in two parts so the cheap one runs before the quota and the one that
 * costs a DNS query after it (a client over its quota, or a full queue, triggers no lookup).
 */
export interface UrlCheck {
  /**
   * No network: scheme, credentials, length, port, single-label hosts, refused names and
   * address literals. Throws ApiError INVALID_URL, INCOMPLETE_HOST or BLOCKED_ADDRESS.
   */
  checkSyntax(url: string): void;
  /**
   * Resolves the host (bounded in time, a few at once per client) and throws ApiError
   * BLOCKED_ADDRESS when an address is refused, HOST_NOT_FOUND when the name does not exist, or
   * RATE_LIMITED when the client has too many checks under way. A slow or failing resolver lets
   * the URL through: the worker's fetch resolves again and checks the address of every connection.
   */
  checkHost(url: string, clientKey: string): Promise<void>;
}

/** DNS answers that mean the name has no address, as opposed to a resolver that failed. */
const NO_SUCH_NAME = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

export function createUrlCheck(options: UrlCheckOptions): UrlCheck {
  const access = options.allowPrivateNetwork;
  const policy = urlPolicyFor({
    allowPrivateNetwork: access,
    ...(options.allowedPorts ? { allowedPorts: options.allowedPorts } : {}),
  });
  const dnsTimeoutMs = options.dnsTimeoutMs ?? 2000;
  const maxChecks = options.maxChecksPerClient ?? 2;
  const underWay = new Map<string, number>();

  return {
    checkSyntax(url) {
      parseForJob(url, policy, access);
    },
    async checkHost(url, clientKey) {
      const parsed = parseForJob(url, policy, access);
      const host = classifyUrlHost(parsed);
      if (host.kind === 'ip') return;
      // localhost is this machine by definition, and the resolver below does not read /etc/hosts.
      if (access !== false && isLocalhostName(host.name)) return;
      const running = underWay.get(clientKey) ?? 0;
      if (running >= maxChecks) throw new ApiError('RATE_LIMITED');
      underWay.set(clientKey, running + 1);
      try {
        await checkResolvedAddresses(host.name, policy, dnsTimeoutMs, options.dnsServers);
      } finally {
        const left = (underWay.get(clientKey) ?? 1) - 1;
        if (left === 0) underWay.delete(clientKey);
        else underWay.set(clientKey, left);
      }
    },
  };
}

function parseForJob(url: string, policy: UrlPolicy, access: PrivateNetworkAccess): URL {
  let parsed: URL;
  try {
    // Single-label names are judged below, with a clearer error than BLOCKED_ADDRESS.
    parsed = parseAllowedUrl(url, {
      ...policy,
      isBlockedHostname: (name) => !isSingleLabelHostname(name) && policy.isBlockedHostname(name),
    });
  } catch (error) {
    throw toApiError(error);
  }
  const host = classifyUrlHost(parsed);
  if (host.kind === 'name' && isSingleLabelHostname(host.name)) {
    const local = isLocalhostName(host.name);
    if (local && access !== false) return parsed;
    // `https://example` is a typo far more often than an attack; metadata names are refused as such.
    throw new ApiError(local || isAlwaysBlockedHostname(host.name) ? 'BLOCKED_ADDRESS' : 'INCOMPLETE_HOST');
  }
  return parsed;
}

function toApiError(error: unknown): unknown {
  if (error instanceof UrlPolicyError && (error.code === 'INVALID_URL' || error.code === 'BLOCKED_ADDRESS')) {
    return new ApiError(error.code);
  }
  return error;
}

/**
 * Asks DNS for the name's IPv4 and IPv6 addresses through c-ares (not the libuv thread pool that
 * `dns.lookup` shares with file I/O, so black-holed names cannot stall other lookups), each query
 * tried once and given up after `timeoutMs`.
 */
async function checkResolvedAddresses(
  name: string,
  policy: UrlPolicy,
  timeoutMs: number,
  servers: string[] | undefined,
): Promise<void> {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (servers) resolver.setServers(servers);
  // c-ares's timeout is per server; this bounds the whole check whatever resolv.conf lists.
  const timer = setTimeout(() => resolver.cancel(), timeoutMs + 250);
  try {
    const results = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
    const addresses = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
    if (addresses.some((address) => policy.isBlocked(address))) throw new ApiError('BLOCKED_ADDRESS');
    if (addresses.length > 0) return;
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as NodeJS.ErrnoException).code : '',
    );
    if (codes.every((code) => code !== undefined && NO_SUCH_NAME.has(code)))
      throw new ApiError('HOST_NOT_FOUND');
    // Timeouts, refused or failing resolvers: not the user's fault; the worker will try again.
  } finally {
    clearTimeout(timer);
  }
}
