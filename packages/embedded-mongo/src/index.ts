import type { AddressInfo } from 'node:net';
import { congodb } from '@push.rocks/smartmongo';

export interface RestartOptions {
  /** Stay down at least this long. */
  downMs?: number;
  /** Stay down until this settles too (e.g. until a client has noticed the outage). */
  whileDown?: () => Promise<unknown>;
}

export interface EmbeddedMongo {
  /** mongodb://127.0.0.1:<port> */
  uri: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Stops listening (every client connection is cut) and listens again on the same port with the
   * same data, as a mongod restart would: for tests of how clients ride out an outage.
   */
  restart(options?: RestartOptions): Promise<void>;
}

/**
 * Starts CongoServer, a pure-JS MongoDB-wire server held in memory. It serves the `mongodb`
 * driver, Agenda and GridFS, but enforces no unique indexes and no TTL: good for tests and for
 * trying the product, not for production.
 */
export async function startEmbeddedMongo(
  options: { port?: number /** 127.0.0.1 unless given (0.0.0.0 in a container). */; host?: string } = {},
): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const server = new congodb.CongoServer({ host, port: options.port ?? 0, storage: 'memory' });
  await server.start();
  // getConnectionUri() reports the requested port (0), so read the bound one.
  const inner = (server as unknown as { server: { address(): AddressInfo } }).server;
  const port = inner.address().port;
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    port,
    stop: () => server.stop(),
    async restart({ downMs = 0, whileDown }: RestartOptions = {}) {
      await server.stop();
      await Promise.all([new Promise((resolve) => setTimeout(resolve, downMs)), whileDown?.()]);
      // The memory storage lives in the server object and survives stop(); listen on the same port.
      (server as unknown as { options: { port: number } }).options.port = port;
      await server.start();
    },
  };
}
