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
  const parsed = parseAddress(address);
  if (!parsed || isAlwaysBlockedAddress(address)) return true;
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
 * Addresses no opt-in may reach: the cloud metadata services (AWS, GCP, Azure, Alibaba, Oracle,
 * and their IPv6 forms) and the link-local ranges they live in (169.254.0.0/16, fe80::/10).
 * Also checked inside the IPv6 forms that embed an IPv4 address. Unparseable input counts as
 * refused.
 */
export function isAlwaysBlockedAddress(address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return true;
  const v4 = parsed.kind() === 'ipv4' ? (parsed as ipaddr.IPv4) : embeddedIPv4(parsed as ipaddr.IPv6);
  if (v4) return v4.range() === 'linkLocal' || METADATA_V4.has(v4.toString());
  const v6 = parsed as ipaddr.IPv6;
  return v6.range() === 'linkLocal' || METADATA_V6.has(v6.toNormalizedString());
}

const METADATA_V4 = new Set([
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer
]);
const METADATA_V6 = new Set(
  [
    'fd00:ec2::254', // AWS IMDS over IPv6
    'fd20:ce::254', // GCP metadata over IPv6
  ].map((a) => ipaddr.parse(a).toNormalizedString()),
);

/** 127.0.0.0/8 and ::1, also when embedded in an IPv6 form (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  const v4 = parsed.kind() === 'ipv4' ? (parsed as ipaddr.IPv4) : embeddedIPv4(parsed as ipaddr.IPv6);
  if (v4) return v4.range() === 'loopback';
  return parsed.range() === 'loopback';
}

function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return ipaddr.isValid(text) ? ipaddr.parse(text) : null;
}

/** Host names of cloud metadata services, refused whatever the opt-in says. */
export function isAlwaysBlockedHostname(hostname: string): boolean {
  const name = normalizeHostname(hostname);
  return METADATA_NAMES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

const METADATA_NAMES = [
  'metadata.google.internal',
  'metadata.goog',
  'metadata', // GCE's search list resolves the bare name
  'instance-data', // AWS
  'instance-data.ec2.internal',
  'metadata.azure.internal',
  'metadata.tencentyun.com',
];

/** `localhost` and its subdomains: loopback by definition (RFC 6761). */
export function isLocalhostName(hostname: string): boolean {
  const name = normalizeHostname(hostname);
  return name === 'localhost' || name.endsWith('.localhost');
}

/** A name without a dot (`https://example`): no public site has one. */
export function isSingleLabelHostname(hostname: string): boolean {
  const name = normalizeHostname(hostname);
  return name === '' || !name.includes('.');
}

function normalizeHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/**
 * Host names refused before any DNS query: localhost and its subdomains, the special-use
 * suffixes .internal (incl. metadata.google.internal), .local, .localdomain, .home.arpa, and
 * single-label names, which resolve through the resolver's search list to internal hosts.
 */
export function isBlockedHostname(hostname: string): boolean {
  const name = normalizeHostname(hostname);
  if (isSingleLabelHostname(name) || isAlwaysBlockedHostname(name)) return true;
  return BLOCKED_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

const BLOCKED_SUFFIXES = ['localhost', 'internal', 'local', 'localdomain', 'home.arpa', 'intranet', 'lan'];
