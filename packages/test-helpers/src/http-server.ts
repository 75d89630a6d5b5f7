import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';

export interface LocalListener {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Closes the server, dropping kept-alive connections (else close would wait for them). */
  close(): Promise<void>;
}

/**
 * Makes an HTTP(S) server listen on `host` (127.0.0.1 unless told; '::' also answers on
 * 127.0.0.1) at `port` (a free one unless told), for a test.
 */
export async function listenLocally(
  server: NetServer & { closeAllConnections(): void },
  options: { port?: number; host?: string } = {},
): Promise<LocalListener> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface TestHttpServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  server: Server;
  /** Every request received, in order, with its full body. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type TestHandler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** Starts an HTTP server on 127.0.0.1 with a random port, recording every request. */
export async function startHttpServer(handler: TestHandler): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  return { ...(await listenLocally(server)), server, requests };
}

/** Serves a fixed map of paths to bodies (with content types); 404 for the rest. */
export function startStaticServer(
  routes: Record<
    string,
    { body: string | Buffer; contentType: string; status?: number; headers?: Record<string, string> }
  >,
): Promise<TestHttpServer> {
  return startHttpServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.contentType, ...route.headers });
    res.end(route.body);
  });
}
