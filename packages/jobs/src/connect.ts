import { type Db, MongoClient, type ServerDescriptionChangedEvent } from 'mongodb';
import type { Logger } from 'pino';

export interface ConnectOptions {
  /** Where losing and regaining the connection is reported (servers and workers pass theirs). */
  log?: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Connects to MongoDB. Server monitoring polls instead of streaming: the embedded test server
 * answers a streaming `hello` without moreToCome, which makes the driver clear its pool mid-
 * operation; polling works the same on a real MongoDB.
 */
export async function connectMongo(
  uri: string,
  dbName?: string,
  options: ConnectOptions = {},
): Promise<{ client: MongoClient; db: Db }> {
  const client = new MongoClient(uri, { serverMonitoringMode: 'poll' });
  if (options.log) logConnectionChanges(client, options.log);
  await client.connect();
  return { client, db: client.db(dbName) };
}

/**
 * Logs when a MongoDB server becomes unreachable and when it is back. During an outage the
 * driver holds operations (up to serverSelectionTimeoutMS) and retries reads and writes once, so
 * an outage shorter than that may fail no operation at all: without these lines it would leave
 * no trace in the logs.
 */
export function logConnectionChanges(client: MongoClient, log: Pick<Logger, 'info' | 'warn'>): void {
  const lost = new Set<string>();
  client.on('serverDescriptionChanged', (event: ServerDescriptionChangedEvent) => {
    const wasUp = event.previousDescription.type !== 'Unknown';
    const isUp = event.newDescription.type !== 'Unknown';
    if (wasUp && !isUp && !lost.has(event.address)) {
      lost.add(event.address);
      log.warn(
        { address: event.address, err: event.newDescription.error ?? undefined },
        'mongo: connection lost; operations wait for it to come back',
      );
    } else if (isUp && lost.delete(event.address)) {
      log.info({ address: event.address, type: event.newDescription.type }, 'mongo: connection restored');
    }
  });
}
