import { describe, expect, it } from 'vitest';
import { AllowedPortsSetting, PrivateNetworkSetting } from './network-settings.ts';

describe('ALLOW_PRIVATE_NETWORK', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['no', false],
    ['true', true],
    ['1', true],
    ['yes', true],
    ['loopback', 'loopback'],
  ] as const)('%s → %s', (value, access) => {
    expect(PrivateNetworkSetting.parse(value)).toBe(access);
  });

  it('refuses anything else', () => {
    expect(PrivateNetworkSetting.safeParse('sometimes').success).toBe(false);
  });
});

describe('ALLOWED_PORTS', () => {
  it('reads a comma-separated list, spaces and empty entries ignored', () => {
    expect(AllowedPortsSetting.parse(undefined)).toEqual([]);
    expect(AllowedPortsSetting.parse(' 8080, 8443 ,,')).toEqual([8080, 8443]);
  });

  it('names every entry that is not a port', () => {
    const result = AllowedPortsSetting.safeParse('8080,0,65536,http,1.5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('not ports (1-65535): 0, 65536, http, 1.5');
  });
});
