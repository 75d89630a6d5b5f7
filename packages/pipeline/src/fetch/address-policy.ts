import ipaddr from 'ipaddr.js';

/** Decides whether the pipeline may connect to an IP address. */
export type IsBlockedAddress = (address: string) => boolean;

/**
 * True for every address that is not plain public unicast: loopback, private, link-local (incl. the
 * cloud metadata 169.254.169.254), CGNAT, multicast, unspecified, broadcast, reserved/documentation,
 * IPv6 unique-local and anything outside global unicast 2000::/3. IPv6 forms that embed an IPv4
 * address (IPv4-mapped, NAT64 64:ff9b::/96, 6to4, IPv4-translated) are judged by the embedded IPv4.
 * Unparseable input counts as blocked.
 */
export function isBlockedAddress(address: string): boolean {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return true;
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv4') return isBlockedIPv4(parsed as ipaddr.IPv4);
  return isBlockedIPv6(parsed as ipaddr.IPv6);
}

function isBlockedIPv4(address: ipaddr.IPv4): boolean {
  return address.range() !== 'unicast';
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

function isBlockedIPv6(address: ipaddr.IPv6): boolean {
  const embedded = embeddedIPv4(address);
  if (embedded) return isBlockedIPv4(embedded);
  // Teredo (2001::/32) hides its client address behind a XOR; nobody serves articles from it.
  if (address.range() !== 'unicast') return true;
  return !address.match(GLOBAL_UNICAST_V6);
}

/** The IPv4 address carried inside an IPv6 one, for the translation forms a host may route. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = address.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (address.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
      return address.toIPv4Address();
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return fromWords(p[6]!, p[7]!);
    case 'rfc6052': // 64:ff9b::a.b.c.d (the well-known NAT64 prefix); the local-use /48 stays blocked
      return p[2] === 0 ? fromWords(p[6]!, p[7]!) : undefined;
    case '6to4': // 2002:AABB:CCDD::/48
      return fromWords(p[1]!, p[2]!);
    default:
      return undefined;
  }
}

/**
 * Host names refused before any DNS query: localhost and its subdomains, the special-use
 * suffixes .internal (incl. metadata.google.internal), .local, .localdomain, .home.arpa, and
 * single-label names, which resolve through the resolver's search list to internal hosts.
 */
export function isBlockedHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  if (name === '' || !name.includes('.')) return true;
  return BLOCKED_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

const BLOCKED_SUFFIXES = ['localhost', 'internal', 'local', 'localdomain', 'home.arpa', 'intranet', 'lan'];
