import { describe, expect, it } from 'vitest';
import { isBlockedAddress, isBlockedHostname } from './address-policy.ts';
import { UrlPolicyError } from './errors.ts';
import { resolveAllowedAddresses, toLookupError } from './lookup.ts';
import { assertUrlAllowed, classifyUrlHost, parseHttpUrl, urlPolicyFor } from './url-policy.ts';

/** [url, blocked?] — the WHATWG parser canonicalises every IPv4 notation before the policy sees it. */
const URL_TABLE: Array<[string, boolean]> = [
  // loopback in every notation
  ['http://127.0.0.1/', true],
  ['http://2130706433/', true], // decimal
  ['http://0177.0.0.1/', true], // octal
  ['http://017700000001/', true], // whole-number octal
  ['http://0x7f.0.0.1/', true], // hex
  ['http://0x7f000001/', true], // whole-number hex
  ['http://127.1/', true], // short form
  ['http://127.0.1/', true],
  ['http://%31%32%37.0.0.1/', true], // percent-encoded
  ['http://127.255.255.254:8080/x', true],
  ['http://[::1]/', true],
  ['http://[0:0:0:0:0:0:0:1]/', true],
  ['http://[::ffff:127.0.0.1]/', true], // IPv4-mapped, dotted
  ['http://[::ffff:7f00:1]/', true], // IPv4-mapped, hex
  ['http://[::ffff:0:7f00:1]/', true], // IPv4-translated (RFC 6145)
  ['http://[64:ff9b::7f00:1]/', true], // NAT64 of 127.0.0.1
  ['http://[64:ff9b::a00:1]/', true], // NAT64 of 10.0.0.1
  ['http://[2002:c0a8:101::1]/', true], // 6to4 of 192.168.1.1
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', true], // Teredo
  ['http://[::7f00:1]/', true], // deprecated IPv4-compatible
  // private, link-local, metadata, CGNAT, special
  ['http://10.0.0.1/', true],
  ['http://10.255.255.255/', true],
  ['http://172.16.0.1/', true],
  ['http://172.31.255.254/', true],
  ['http://192.168.1.1/', true],
  ['http://3232235777/', true], // 192.168.1.1 in decimal
  ['http://0xa9.0xfe.0xa9.0xfe/', true], // 169.254.169.254 in hex
  ['http://169.254.169.254/latest/meta-data/', true],
  ['http://169.254.0.1/', true],
  ['http://100.64.0.1/', true],
  ['http://100.127.255.254/', true],
  ['http://0.0.0.0/', true],
  ['http://0/', true],
  ['http://[::]/', true],
  ['http://224.0.0.1/', true],
  ['http://239.255.255.250/', true],
  ['http://255.255.255.255/', true],
  ['http://192.0.2.1/', true], // documentation
  ['http://198.18.0.1/', true], // benchmarking
  ['http://240.0.0.1/', true], // reserved
  ['http://[fc00::1]/', true],
  ['http://[fd12:3456:789a::1]/', true],
  ['http://[fe80::1]/', true],
  ['http://[ff02::1]/', true],
  ['http://[2001:db8::1]/', true], // documentation
  // blocked names (no DNS needed)
  ['http://localhost/', true],
  ['http://LOCALHOST:3000/', true],
  ['http://localhost./', true],
  ['http://foo.localhost/', true],
  ['http://metadata.google.internal/computeMetadata/v1/', true],
  ['http://printer.local/', true],
  ['http://router.home.arpa/', true],
  ['http://intranet/', true], // single label
  // public
  ['http://93.184.216.34/', false],
  ['https://8.8.8.8/', false],
  ['http://1.1/', false], // short form of 1.0.0.1
  ['http://172.32.0.1/', false], // just outside 172.16/12
  ['http://100.128.0.1/', false], // just outside 100.64/10
  ['http://[2606:4700::1111]/', false],
  ['http://[2001:4860:4860::8888]/', false],
  ['http://[::ffff:93.184.216.34]/', false], // IPv4-mapped public
  ['http://[64:ff9b::5db8:d822]/', false], // NAT64 of 93.184.216.34
  ['http://[2002:5db8:d822::1]/', false], // 6to4 of 93.184.216.34
  ['https://www.example.com/news/article?id=1', false],
];

function blockedByPolicy(raw: string): boolean {
  const host = classifyUrlHost(parseHttpUrl(raw));
  return host.kind === 'ip' ? isBlockedAddress(host.address) : isBlockedHostname(host.name);
}

describe('address policy over URLs', () => {
  it('has a table of at least 30 URLs', () => {
    expect(URL_TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(URL_TABLE)('%s → blocked %s', (raw, blocked) => {
    expect(blockedByPolicy(raw)).toBe(blocked);
  });

  it('sees the canonical dotted form of each IPv4 notation', () => {
    for (const raw of ['http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.0.0.1/', 'http://127.1/']) {
      expect(classifyUrlHost(new URL(raw))).toEqual({ kind: 'ip', address: '127.0.0.1' });
    }
    expect(classifyUrlHost(new URL('http://[::ffff:127.0.0.1]/'))).toEqual({
      kind: 'ip',
      address: '::ffff:7f00:1',
    });
    expect(classifyUrlHost(new URL('https://news.example.jp/a'))).toEqual({
      kind: 'name',
      name: 'news.example.jp',
    });
  });

  it('blocks unparseable addresses and accepts bracketed and zoned forms', () => {
    expect(isBlockedAddress('not-an-ip')).toBe(true);
    expect(isBlockedAddress('')).toBe(true);
    expect(isBlockedAddress('[2606:4700::1111]')).toBe(false);
    expect(isBlockedAddress('fe80::1%eth0')).toBe(true);
  });
});

describe('assertUrlAllowed', () => {
  it.each([
    ['ftp://example.com/file', 'INVALID_URL'],
    ['file:///etc/passwd', 'INVALID_URL'],
    ['javascript:alert(1)', 'INVALID_URL'],
    ['data:text/html,<p>hi</p>', 'INVALID_URL'],
    ['gopher://127.0.0.1:6379/_INFO', 'INVALID_URL'],
    ['not a url', 'INVALID_URL'],
    ['http://user:pass@example.com/', 'INVALID_URL'],
    ['http://example.com@127.0.0.1/', 'INVALID_URL'],
    [`https://example.com/${'a'.repeat(2048)}`, 'INVALID_URL'],
    ['http://127.0.0.1/', 'BLOCKED_ADDRESS'],
    ['http://0x7f.1/', 'BLOCKED_ADDRESS'],
    ['http://[::ffff:7f00:1]/', 'BLOCKED_ADDRESS'],
    ['http://169.254.169.254/', 'BLOCKED_ADDRESS'],
    ['http://metadata.google.internal/', 'BLOCKED_ADDRESS'],
    ['http://localhost:8080/', 'BLOCKED_ADDRESS'],
  ])('%s → %s', async (raw, code) => {
    const refusal = assertUrlAllowed(raw);
    await expect(refusal).rejects.toBeInstanceOf(UrlPolicyError);
    await expect(refusal).rejects.toMatchObject({ code });
  });

  it('refuses a name by what it resolves to, not only by its spelling', async () => {
    // The name list would stop "localhost" first; ask the resolver step on its own.
    await expect(resolveAllowedAddresses('localhost', isBlockedAddress)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
      detail: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1)/),
    });
    expect(await resolveAllowedAddresses('localhost', () => false)).toContain('127.0.0.1');
    await expect(resolveAllowedAddresses('[::1]', isBlockedAddress)).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
  });

  it('reports an unknown host as LOOKUP_FAILED, not worth a retry', async () => {
    await expect(assertUrlAllowed('http://no-such-host.invalid/')).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      transient: false,
    });
  });

  it('reports a name without addresses as LOOKUP_FAILED, and a failing resolver as worth a retry', async () => {
    await expect(
      resolveAllowedAddresses('example.com', isBlockedAddress, async () => []),
    ).rejects.toMatchObject({
      code: 'LOOKUP_FAILED',
      detail: 'example.com has no address',
    });
    const timeout = Object.assign(new Error('queryA ETIMEOUT example.com'), { code: 'ETIMEOUT' });
    expect(toLookupError(timeout)).toMatchObject({ code: 'LOOKUP_FAILED', transient: true, cause: timeout });
    const blocked = new UrlPolicyError('BLOCKED_ADDRESS');
    expect(toLookupError(blocked)).toBe(blocked);
  });

  it('lets the scheme checks apply even with allowPrivateNetwork', async () => {
    await expect(assertUrlAllowed('file:///etc/passwd', { allowPrivateNetwork: true })).rejects.toMatchObject(
      {
        code: 'INVALID_URL',
      },
    );
    const url = await assertUrlAllowed('http://127.0.0.1:8080/a', { allowPrivateNetwork: true });
    expect(url.href).toBe('http://127.0.0.1:8080/a');
  });

  it('accepts public IP literals without touching DNS', async () => {
    expect((await assertUrlAllowed('http://93.184.216.34/x')).hostname).toBe('93.184.216.34');
    expect((await assertUrlAllowed('https://[2606:4700::1111]/')).hostname).toBe('[2606:4700::1111]');
  });
});

/** Cloud metadata and link-local targets in the notations an attacker would try. */
const METADATA_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://2852039166/', // 169.254.169.254 as a decimal number
  'http://0xa9fea9fe/',
  'http://0251.0376.0251.0376/', // octal
  'http://169.254.43518/', // short form
  'http://[::ffff:169.254.169.254]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[64:ff9b::a9fe:a9fe]/', // NAT64
  'http://[2002:a9fe:a9fe::1]/', // 6to4
  'http://169.254.0.1/',
  'http://[fe80::1]/',
  'http://[FE80::a9fe:a9fe]/',
  'http://[febf:ffff::1]/', // top of fe80::/10
  'http://100.100.100.200/latest/meta-data/', // Alibaba
  'http://168.63.129.16/machine?comp=goalstate', // Azure WireServer
  'http://[fd00:ec2::254]/latest/meta-data/', // AWS over IPv6
  'http://[fd20:ce::254]/', // GCP over IPv6
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://METADATA.GOOGLE.INTERNAL./computeMetadata/v1/',
  'http://metadata.goog/',
  'http://metadata/computeMetadata/v1/',
  'http://instance-data/latest/',
  'http://instance-data.ec2.internal/',
];

describe('cloud metadata and link-local addresses', () => {
  describe.each([
    ['unset', undefined],
    ['loopback', 'loopback' as const],
    ['true', true],
  ])('with ALLOW_PRIVATE_NETWORK %s', (_label, allowPrivateNetwork) => {
    it.each(METADATA_URLS)('refuses %s', async (raw) => {
      await expect(assertUrlAllowed(raw, { allowPrivateNetwork })).rejects.toMatchObject({
        code: 'BLOCKED_ADDRESS',
      });
    });
  });

  it('refuses a name that resolves to the metadata address, even with private networks allowed', async () => {
    const policy = urlPolicyFor({ allowPrivateNetwork: true });
    const lookup = async () => ['10.0.0.5', '169.254.169.254'];
    await expect(resolveAllowedAddresses('imds.example.com', policy.isBlocked, lookup)).rejects.toMatchObject(
      {
        code: 'BLOCKED_ADDRESS',
      },
    );
    expect(
      await resolveAllowedAddresses('intranet.example.com', policy.isBlocked, async () => ['10.0.0.5']),
    ).toEqual(['10.0.0.5']);
  });
});

describe('ALLOW_PRIVATE_NETWORK=loopback', () => {
  const loopback = { allowPrivateNetwork: 'loopback' as const };

  it.each(['http://127.0.0.1:8080/a', 'http://127.1:3000/', 'http://[::1]:3000/', 'http://localhost:3000/x'])(
    'allows this machine: %s',
    async (raw) => {
      expect((await assertUrlAllowed(raw, loopback)).href).toBe(new URL(raw).href);
    },
  );

  it.each([
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://172.16.0.1/',
    'http://100.64.0.1/',
    'http://[fd12:3456:789a::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://printer.local/',
    'http://intranet/',
  ])('still refuses other private targets: %s', async (raw) => {
    await expect(assertUrlAllowed(raw, loopback)).rejects.toMatchObject({ code: 'BLOCKED_ADDRESS' });
  });
});

describe('port policy', () => {
  it.each([
    'http://93.184.215.14:25/',
    'http://93.184.215.14:6379/',
    'http://93.184.215.14:22/',
    'https://93.184.215.14:8443/',
  ])('refuses %s in production, with the same code as a refused address', async (raw) => {
    await expect(assertUrlAllowed(raw)).rejects.toMatchObject({ code: 'BLOCKED_ADDRESS' });
  });

  it('allows 80 and 443 (named or implied) and the ports ALLOWED_PORTS adds', async () => {
    for (const raw of [
      'http://93.184.215.14/',
      'http://93.184.215.14:80/',
      'https://93.184.215.14:443/',
      'http://93.184.215.14:443/',
    ]) {
      expect((await assertUrlAllowed(raw)).hostname).toBe('93.184.215.14');
    }
    expect((await assertUrlAllowed('http://93.184.215.14:8080/', { allowedPorts: [8080] })).port).toBe(
      '8080',
    );
    await expect(
      assertUrlAllowed('http://93.184.215.14:8081/', { allowedPorts: [8080] }),
    ).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
  });

  it('allows any port with a private-network opt-in (local test servers)', async () => {
    expect((await assertUrlAllowed('http://127.0.0.1:6379/', { allowPrivateNetwork: true })).port).toBe(
      '6379',
    );
    expect((await assertUrlAllowed('http://127.0.0.1:6379/', { allowPrivateNetwork: 'loopback' })).port).toBe(
      '6379',
    );
  });
});
