import { type Db, MongoClient } from 'mongodb';

/**
 * Connects to MongoDB. Server monitoring polls instead of streaming: the embedded test server
 * answers a streaming `hello` without moreToCome, which makes the driver clear its pool mid-
 * operation; polling works the same on a real MongoDB.
 */
export async function connectMongo(uri: string, dbName?: string): Promise<{ client: MongoClient; db: Db }> {
  const client = await MongoClient.connect(uri, { serverMonitoringMode: 'poll' });
  return { client, db: client.db(dbName) };
}
