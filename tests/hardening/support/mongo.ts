import { randomBytes } from 'node:crypto';
import { type EmbeddedMongo, type RestartOptions, startEmbeddedMongo } from '@movie-generator/embedded-mongo';
import { connectMongo } from '@movie-generator/jobs';
import type { Db, MongoClient } from 'mongodb';

export interface RestartableMongo {
  uri: string;
  port: number;
  dbName: string;
  /** The test's own connection (poll monitoring, like the apps). */
  client: MongoClient;
  db: Db;
  /** Stops the server and starts it again on the same port with its data (a mongod restart). */
  restart(options: RestartOptions): Promise<void>;
  /** Stops it; `start` brings up an empty one on the same port (an in-memory server restarted). */
  stopServer(): Promise<void>;
  startEmpty(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded MongoDB-wire server on a port that stays the same across restarts, so the
 * server's and workers' drivers reconnect to it by themselves.
 */
export async function startRestartableMongo(): Promise<RestartableMongo> {
  let embedded: EmbeddedMongo | null = await startEmbeddedMongo();
  const { port, uri } = embedded;
  const dbName = `mg_hardening_${randomBytes(4).toString('hex')}`;
  const { client, db } = await connectMongo(uri, dbName);
  return {
    uri,
    port,
    dbName,
    client,
    db,
    restart: async (options) => embedded!.restart(options),
    async stopServer() {
      await embedded?.stop();
      embedded = null;
    },
    async startEmpty() {
      embedded = await startEmbeddedMongo({ port });
    },
    async close() {
      await client.close().catch(() => undefined);
      await embedded?.stop();
      embedded = null;
    },
  };
}
