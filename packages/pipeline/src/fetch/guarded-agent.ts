import { isIP } from 'node:net';
import {
  type IsBlockedAddress,
  type LookupAddresses,
  resolveAllowedAddresses,
} from '@movie-generator/url-policy';
import { Agent, buildConnector } from 'undici';
import { asPipelineError } from './url-policy.ts';

/** Connection errors after which the next resolved address is worth a try. */
const TRY_NEXT_ADDRESS = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export interface GuardedAgentOptions {
  connectTimeoutMs?: number;
  /** Extra trusted CA certificates (tests use a self-signed one). */
  ca?: string | Buffer;
  /** Tests only: answers DNS lookups instead of the system resolver. */
  lookup?: LookupAddresses;
}

/**
 * An undici Agent whose every connection resolves the host itself, checks every address against
 * the policy, and then connects to one of those checked addresses. Because the socket is opened to
 * the very address that was checked, a DNS answer that changes between check and connect (DNS
 * rebinding) cannot reach a blocked address. TLS still verifies the certificate against the host
 * name. A refused address fails the request with a PipelineError BLOCKED_ADDRESS.
 */
export function createGuardedAgent(isBlocked: IsBlockedAddress, options: GuardedAgentOptions = {}): Agent {
  const connectToAddress = buildConnector({
    timeout: options.connectTimeoutMs ?? 10_000,
    ...(options.ca ? { ca: options.ca } : {}),
  });

  const lookup = options.lookup;
  const connect: buildConnector.connector = (options, callback) => {
    const hostname = options.hostname;
    const servername = options.servername ?? (isIP(hostname) ? undefined : hostname);
    const tryAddress = (addresses: string[], index: number): void => {
      connectToAddress({ ...options, hostname: addresses[index]!, servername }, (error, socket) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (error && code && TRY_NEXT_ADDRESS.has(code) && index + 1 < addresses.length) {
          tryAddress(addresses, index + 1);
          return;
        }
        if (error) callback(error, null);
        else callback(null, socket!);
      });
    };
    resolveAllowedAddresses(hostname, isBlocked, lookup).then(
      (addresses) => tryAddress(addresses, 0),
      (error: Error) => callback(asPipelineError(error) as Error, null),
    );
  };

  return new Agent({ connect });
}
