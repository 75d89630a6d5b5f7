import { startEmbeddedMongo } from '@movie-generator/embedded-mongo';
import { waitUntil } from '@movie-generator/test-helpers';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { logConnectionChanges } from './connect.ts';

describe('logConnectionChanges', () => {
  // A server this test can stop and start again, so it is always the embedded one.
  it('says once that MongoDB went away and once that it is back, and operations wait in between', async () => {
    const mongo = await startEmbeddedMongo();
    const lines: { level: 'info' | 'warn'; msg: string; address: string }[] = [];
    const log = {
      info: (fields: { address: string }, msg: string) => lines.push({ level: 'info', msg, ...fields }),
      warn: (fields: { address: string }, msg: string) => lines.push({ level: 'warn', msg, ...fields }),
    };
    // Quick heartbeats so the driver's monitor notices the outage within the test.
    const client = new MongoClient(mongo.uri, { serverMonitoringMode: 'poll', heartbeatFrequencyMS: 500 });
    logConnectionChanges(client, log as never);
    try {
      await client.connect();
      const items = client.db('connect_test').collection('items');
      await items.insertOne({ n: 1 });
      expect(lines).toEqual([]);

      let readDuringOutage: Promise<unknown> | null = null;
      await mongo.restart({
        downMs: 1500,
        whileDown: async () => {
          await waitUntil(() => lines.length > 0, 10_000, 'the outage to be logged');
          // Once the server is known to be down, a read waits for it instead of failing.
          readDuringOutage = items.findOne({ n: 1 });
        },
      });
      expect(await readDuringOutage).toMatchObject({ n: 1 });
      await waitUntil(() => lines.length > 1, 10_000, 'the reconnection to be logged');

      expect(lines.map((l) => [l.level, l.msg])).toEqual([
        ['warn', 'mongo: connection lost; operations wait for it to come back'],
        ['info', 'mongo: connection restored'],
      ]);
      expect(lines[0]!.address).toBe(`127.0.0.1:${mongo.port}`);
    } finally {
      await client.close();
      await mongo.stop();
    }
  });
});
