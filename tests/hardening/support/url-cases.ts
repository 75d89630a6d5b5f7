import type { ApiErrorCode } from '@movie-generator/api-contract';

export interface UrlCase {
  /** What the case tries. */
  label: string;
  url: string;
  code: Extract<ApiErrorCode, 'INVALID_URL' | 'BLOCKED_ADDRESS' | 'INCOMPLETE_HOST' | 'HOST_NOT_FOUND'>;
}

const invalid = (label: string, url: string): UrlCase => ({ label, url, code: 'INVALID_URL' });
const blocked = (label: string, url: string): UrlCase => ({ label, url, code: 'BLOCKED_ADDRESS' });
const incomplete = (label: string, url: string): UrlCase => ({ label, url, code: 'INCOMPLETE_HOST' });

/** URLs job.create must refuse, each with the error the user must see. */
export const REFUSED_URLS: UrlCase[] = [
  // Schemes other than http(s)
  invalid('file: scheme', 'file:///etc/passwd'),
  invalid('javascript: scheme', 'javascript:alert(1)'),
  invalid('javascript: in mixed case', 'JavaScript:alert(document.cookie)'),
  invalid('javascript: after spaces', '   javascript:alert(1)'),
  invalid('data: scheme with a script', 'data:text/html,<script>alert(1)</script>'),
  invalid('ftp: scheme', 'ftp://ftp.example.com/article.html'),
  invalid('gopher: scheme', 'gopher://example.com:70/1'),
  invalid('ws: scheme', 'ws://example.com/socket'),
  invalid('blob: scheme', 'blob:http://example.com/0f5e'),
  // Malformed and overlong
  invalid('empty', ''),
  invalid('only spaces', '    '),
  invalid('no scheme', 'example.com/article'),
  invalid('protocol-relative', '//example.com/article'),
  invalid('scheme and nothing else', 'http://'),
  invalid('space in the host', 'http://exa mple.com/'),
  invalid('port out of range', 'http://93.184.215.14:99999/'),
  invalid('IPv6 zone id', 'http://[fe80::1%25eth0]/'),
  invalid('2,100 characters', `http://93.184.215.14/${'a'.repeat(2100)}`),
  invalid('721 characters that encode to 4,200', `http://93.184.215.14/${'é'.repeat(700)}`),
  // Credentials in the URL
  invalid('user and password', 'http://user:pass@93.184.215.14/article'),
  invalid('user only', 'https://admin@93.184.215.14/'),
  invalid('public-looking user before a loopback host', 'http://93.184.215.14:80@127.0.0.1/'),
  // Names that mean this machine or its network
  blocked('localhost', 'http://localhost/'),
  blocked('LOCALHOST with a trailing dot and port', 'http://LOCALHOST.:3000/'),
  blocked('a subdomain of localhost', 'http://api.localhost/'),
  blocked('cloud metadata name', 'http://metadata.google.internal/computeMetadata/v1/'),
  incomplete('single-label name', 'http://intranet/'),
  incomplete('a name without its domain ending', 'https://example/article'),
  {
    label: 'a name that does not exist (.invalid)',
    url: 'https://no-such-site.invalid/a',
    code: 'HOST_NOT_FOUND',
  },
  // Ports other than 80 and 443 (the same code as a refused address: no port-probe oracle)
  blocked('SMTP port on a public address', 'http://93.184.215.14:25/'),
  blocked('Redis port on a public address', 'http://93.184.215.14:6379/'),
  blocked('SSH port with https', 'https://93.184.215.14:22/'),
  blocked('.local name', 'http://printer.local/'),
  blocked('.home.arpa name', 'http://router.home.arpa/'),
  // 127.0.0.0/8 in every notation
  blocked('127.0.0.1', 'http://127.0.0.1/'),
  blocked('127.1 (short form)', 'http://127.1/'),
  blocked('127.0.0.1 as a decimal number', 'http://2130706433/'),
  blocked('127.0.0.1 in octal', 'http://0177.0.0.1/'),
  blocked('127.0.0.1 in hex parts', 'http://0x7f.0.0.1/'),
  blocked('127.0.0.1 as one hex number', 'http://0x7f000001/'),
  blocked('127.255.255.254', 'http://127.255.255.254:8080/'),
  blocked('127.0.0.1 IPv4-mapped', 'http://[::ffff:127.0.0.1]/'),
  blocked('127.0.0.1 IPv4-mapped in hex', 'http://[::ffff:7f00:1]/'),
  blocked('127.0.0.1 behind NAT64', 'http://[64:ff9b::7f00:1]/'),
  // 0.0.0.0
  blocked('0.0.0.0', 'http://0.0.0.0/'),
  blocked('0 as a decimal number', 'http://0/'),
  blocked('IPv6 unspecified', 'http://[::]/'),
  // 10.0.0.0/8
  blocked('10.0.0.1', 'http://10.0.0.1/'),
  blocked('10.0.0.1 as a decimal number', 'http://167772161/'),
  blocked('10.0.0.1 in octal', 'http://012.0.0.1/'),
  blocked('10.0.0.1 in hex parts', 'http://0xa.0x0.0x0.0x1/'),
  blocked('10.1.2.3 IPv4-mapped', 'http://[::ffff:10.1.2.3]/'),
  // 172.16.0.0/12
  blocked('172.16.0.1', 'http://172.16.0.1/'),
  blocked('172.31.255.254', 'http://172.31.255.254/'),
  blocked('172.16.0.1 as a decimal number', 'http://2886729729/'),
  blocked('172.16.0.1 in octal', 'http://0254.020.0.1/'),
  blocked('172.16.0.1 IPv4-mapped in hex', 'http://[::ffff:ac10:1]/'),
  // 192.168.0.0/16
  blocked('192.168.0.1', 'http://192.168.0.1/'),
  blocked('192.168.0.1 as a decimal number', 'http://3232235521/'),
  blocked('192.168.0.1 in octal', 'http://0300.0250.0.1/'),
  blocked('192.168.0.1 as one hex number', 'http://0xc0a80001/'),
  blocked('192.168.1.1 IPv4-mapped', 'http://[::ffff:192.168.1.1]/'),
  // 100.64.0.0/10 (carrier-grade NAT)
  blocked('100.64.0.1', 'http://100.64.0.1/'),
  blocked('100.127.255.254', 'http://100.127.255.254/'),
  blocked('100.64.0.1 as a decimal number', 'http://1681915905/'),
  blocked('100.64.0.1 IPv4-mapped', 'http://[::ffff:100.64.0.1]/'),
  // Cloud metadata
  blocked('169.254.169.254', 'http://169.254.169.254/latest/meta-data/'),
  blocked('169.254.169.254 as a decimal number', 'http://2852039166/'),
  blocked('169.254.169.254 as one hex number', 'http://0xa9fea9fe/'),
  blocked('169.254.169.254 in octal', 'http://0251.0376.0251.0376/'),
  blocked('169.254.169.254 IPv4-mapped', 'http://[::ffff:169.254.169.254]/'),
  blocked('169.254.169.254 through 6to4', 'http://[2002:a9fe:a9fe::1]/'),
  blocked('the IPv6 metadata address', 'http://[fd00:ec2::254]/'),
  blocked('GCP metadata over IPv6', 'http://[fd20:ce::254]/'),
  blocked('Alibaba Cloud metadata', 'http://100.100.100.200/latest/meta-data/'),
  blocked('Azure WireServer', 'http://168.63.129.16/machine?comp=goalstate'),
  blocked('metadata.goog', 'http://metadata.goog/computeMetadata/v1/'),
  blocked('the bare metadata name', 'http://metadata/computeMetadata/v1/'),
  // IPv6 loopback, unique-local, link-local
  blocked('::1', 'http://[::1]/'),
  blocked('::1 written out, with a port', 'http://[0:0:0:0:0:0:0:1]:8080/'),
  blocked('fc00::1 (unique-local)', 'http://[fc00::1]/'),
  blocked('fdff:ffff::1 (unique-local)', 'http://[fdff:ffff::1]/'),
  blocked('fe80::1 (link-local)', 'http://[fe80::1]/'),
  blocked('febf::1 (end of link-local)', 'http://[febf::1]/'),
];

/** URLs job.create accepts: public literals, and names it cannot resolve (the worker decides). */
export const ACCEPTED_URLS = [
  { label: 'a public IPv4 literal', url: 'http://93.184.215.14/article' },
  { label: 'a public IPv6 literal', url: 'http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/article' },
];

/**
 * IDN look-alikes: a Cyrillic "а" in "аpple" and its punycode form. Public names are allowed
 * (a look-alike is a phishing problem, not a network one); under the reserved .test TLD they
 * never resolve, so the job fails at fetch time with FETCH_FAILED, the same everywhere.
 */
export const IDN_URLS = [
  { label: 'IDN look-alike (Cyrillic а)', url: 'http://аpple.test/news' },
  { label: 'its punycode form', url: 'http://xn--pple-43d.test/news' },
];
