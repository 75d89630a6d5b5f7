import { isIP } from 'node:net';
import type { Request } from 'express';

/** Express's `trust proxy` value: nobody, a hop count, or the proxies' addresses/subnets/names. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // IPv4 subnets may also be written with a netmask (10.0.0.0/255.0.0.0).
  if (version === 4 && isIP(prefix) === 4) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Parses TRUST_PROXY. Unset: the socket address is the client and X-Forwarded-For is ignored.
 * A number trusts that many hops; a comma-separated list trusts those proxies (IPs, CIDRs, or
 * `loopback`, `linklocal`, `uniquelocal`). `true` is refused: it would let any client pick
 * its own address (and so its own quota) with a spoofed header.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text) === 0 ? false : Number(text);
  if (text === 'true') {
    throw new Error(
      'TRUST_PROXY=true would believe any X-Forwarded-For; name the proxies (e.g. loopback, 10.0.0.0/8) or give a hop count',
    );
  }
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !PROXY_NAMES.has(e) && !isAddressOrSubnet(e));
  if (bad.length > 0) {
    throw new Error(
      `TRUST_PROXY has entries that are not IPs, CIDRs or loopback/linklocal/uniquelocal: ${bad.join(', ')}`,
    );
  }
  return entries;
}

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) is the same client as `1.2.3.4`. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address: Express's `req.ip`, which honours X-Forwarded-For only through the
 * proxies `trust proxy` names, else the socket's own address.
 */
export function clientIpOf(req: Request): string {
  return normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
