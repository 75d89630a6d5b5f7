import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { listenLocally, makeTempDir } from '@movie-generator/test-helpers';
import { isBlockedAddress } from '@movie-generator/url-policy';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../process.ts';
import { createGuardedAgent } from './guarded-agent.ts';

/** Lets 127.0.0.1 stand in for a public host, while every other blocked address stays blocked. */
const treat127001AsPublic = (address: string) => address !== '127.0.0.1' && isBlockedAddress(address);

let port: number;
let closeServer: () => Promise<void>;
let ca: Buffer;
let cleanup: () => Promise<void>;
const seen: Array<{ servername: string | false | null; remote: string | undefined }> = [];

async function selfSignedCert(dir: string, name: string): Promise<{ key: Buffer; cert: Buffer }> {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  await runProcess(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { signal: new AbortController().signal, errorCode: 'FETCH_FAILED' },
  );
  return { key: await readFile(key), cert: await readFile(cert) };
}

beforeAll(async () => {
  const temp = await makeTempDir('mg-tls-');
  cleanup = temp.cleanup;
  const { key, cert } = await selfSignedCert(temp.dir, 'localhost');
  ca = cert;
  const server = createServer({ key, cert }, (req, res) => {
    const socket = req.socket as TLSSocket;
    seen.push({ servername: socket.servername, remote: socket.remoteAddress });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>tls ok</p>');
  });
  ({ port, close: closeServer } = await listenLocally(server));
});

afterAll(async () => {
  await closeServer();
  await cleanup();
});

describe('guarded agent over TLS', () => {
  it('connects to the checked IP but sends SNI and verifies the certificate for the host name', async () => {
    const agent = createGuardedAgent(treat127001AsPublic, { ca });
    const response = await request(`https://localhost:${port}/`, { dispatcher: agent });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('<p>tls ok</p>');
    expect(seen.at(-1)).toEqual({ servername: 'localhost', remote: '127.0.0.1' });
    await agent.destroy();
  });

  it('keeps certificate verification on: an untrusted certificate fails', async () => {
    const agent = createGuardedAgent(treat127001AsPublic);
    await expect(request(`https://localhost:${port}/`, { dispatcher: agent })).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/),
    });
    await agent.destroy();
  });

  it('checks the name against the certificate, not the IP it connected to', async () => {
    const agent = createGuardedAgent(treat127001AsPublic, { ca });
    await expect(request(`https://127.0.0.1:${port}/`, { dispatcher: agent })).rejects.toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    await agent.destroy();
  });

  it('refuses before the handshake when the address is blocked', async () => {
    const before = seen.length;
    const agent = createGuardedAgent(isBlockedAddress, { ca });
    await expect(request(`https://localhost:${port}/`, { dispatcher: agent })).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(seen.length).toBe(before);
    await agent.destroy();
  });
});
