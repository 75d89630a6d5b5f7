import { randomBytes } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';

export interface TestMongo {
  uri: string;
  /** A database of its own for this test file. */
  dbName: string;
  client: MongoClient;
  db: Db;
  /** Drops the database, closes the client and stops the embedded server (if one was started). */
  stop(): Promise<void>;
}

/**
 * MongoDB for a test: the server at MONGODB_URI when set (a real MongoDB), else the embedded
 * MongoDB-wire server. Every call gets a fresh database.
 */
export async function startTestMongo(): Promise<TestMongo> {
  const external = process.env.MONGODB_URI;
  // Imported lazily: the embedded server's dependencies are heavy and print debug lines on load.
  const embedded = external
    ? null
    : await (await import('@movie-generator/embedded-mongo')).startEmbeddedMongo();
  const uri = external ?? embedded!.uri;
  const dbName = `mg_test_${randomBytes(6).toString('hex')}`;
  // Polling monitoring: see packages/jobs/src/connect.ts (the embedded server breaks streaming hello).
  const client = await MongoClient.connect(uri, { serverMonitoringMode: 'poll' });
  const db = client.db(dbName);
  return {
    uri,
    dbName,
    client,
    db,
    async stop() {
      await db.dropDatabase().catch(() => {});
      await client.close();
      await embedded?.stop();
    },
  };
}
