import { z } from 'zod';

/**
 * ALLOW_PRIVATE_NETWORK, shared by the server and the worker: `false` (default), `loopback`
 * (this machine only, for the `npm start` try-out) or `true` (private networks too, for tests).
 */
export const PrivateNetworkSetting = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'loopback', ''])
  .optional()
  .transform((v): boolean | 'loopback' =>
    v === 'loopback' ? 'loopback' : v === 'true' || v === '1' || v === 'yes',
  );

/** ALLOWED_PORTS: comma-separated ports a fetch may use besides 80 and 443 (e.g. `8080,8443`). */
export const AllowedPortsSetting = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const ports = entries.map(Number);
    const bad = entries.filter((_, i) => !Number.isInteger(ports[i]) || ports[i]! < 1 || ports[i]! > 65_535);
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `not ports (1-65535): ${bad.join(', ')}` });
      return z.NEVER;
    }
    return ports;
  });
