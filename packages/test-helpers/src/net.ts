import { createServer } from 'node:net';

/**
 * A TCP port that was free a moment ago on 127.0.0.1, for a child process that must be told its
 * port up front (another process may take it meanwhile; good enough for tests).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
