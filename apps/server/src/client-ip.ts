import { isIP } from 'node:net';
import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

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

/**
 * Who a client is for the quota and the rate limit: an IPv4 address, or the IPv6 network of
 * `ipv6Prefix` bits around it (`2001:db8:1:2::/64`), since one home or host is given a whole /64
 * and could otherwise pick a new address for every request. IPv4-mapped IPv6 counts as IPv4.
 */
export function clientKey(address: string, ipv6Prefix: number): string {
  const ip = normalizeIp(address);
  if (isIP(ip) !== 6) return ip;
  const parsed = ipaddr.IPv6.parse(ip);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  if (ipv6Prefix >= 128) return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/${ipv6Prefix}`);
  return `${network.toString()}/${ipv6Prefix}`;
}

/** The request's client key (see clientKey), from the address `clientIpOf` finds. */
export function clientKeyOf(req: Request, ipv6Prefix: number): string {
  return clientKey(clientIpOf(req), ipv6Prefix);
}
