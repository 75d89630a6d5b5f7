import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { JobService } from '@movie-generator/api-contract';
import { appRouter } from '@movie-generator/api-contract/router';
import { listenLocally } from '@movie-generator/test-helpers';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';

export interface ApiServer {
  /** e.g. http://127.0.0.1:41234 — give it to createClient(). */
  url: string;
  server: Server;
  /** Every tRPC request path received (e.g. "/trpc/job.get?batch=1&…"), in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface ApiServerOptions {
  jobs: JobService;
  clientIp?: string;
  /** Serve this built app (apps/web/dist) for every other path, index.html as the SPA fallback. */
  staticDir?: string;
  /** Serve this MP4 for every /videos/<id>.mp4, with byte ranges as browsers ask for them. */
  videoFile?: string;
  /** A fixed port (to bring a stopped server back at the same address); random by default. */
  port?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.png': 'image/png',
};

/**
 * The real API (the api-contract appRouter over tRPC's standalone HTTP adapter) on 127.0.0.1 with
 * a random port, over the given JobService; optionally the built app and a video as well.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const requests: string[] = [];
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => ({ jobs: options.jobs, clientIp: options.clientIp ?? '203.0.113.7' }),
  });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/trpc/')) {
      requests.push(req.url ?? '');
      trpc(req, res);
      return;
    }
    serveFile(req, res, path, options).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const { url, close } = await listenLocally(server, { port: options.port });
  return { url, server, requests, close };
}

async function serveFile(req: IncomingMessage, res: ServerResponse, path: string, options: ApiServerOptions) {
  if (options.videoFile && /^\/videos\/[A-Za-z0-9_-]+\.mp4$/.test(path)) {
    await serveVideo(req, res, options.videoFile);
    return;
  }
  if (!options.staticDir) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const file = join(options.staticDir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  const found = await stat(file).catch(() => null);
  const target = found?.isFile() ? file : join(options.staticDir, 'index.html');
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
  res.end(await readFile(target));
}

async function serveVideo(req: IncomingMessage, res: ServerResponse, file: string) {
  const { size } = await stat(file);
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range) {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': size, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(res);
    return;
  }
  const start = range[1] ? Number(range[1]) : 0;
  const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  res.writeHead(206, {
    'content-type': 'video/mp4',
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${size}`,
    'accept-ranges': 'bytes',
  });
  createReadStream(file, { start, end }).pipe(res);
}
