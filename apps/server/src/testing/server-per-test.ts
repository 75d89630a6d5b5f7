import { type TestMongo, useTestMongo } from '@movie-generator/test-helpers';
import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

export interface ServerPerTest {
  /** One MongoDB for the file; its database is emptied before each test. */
  readonly mongo: TestMongo;
  /** A fresh server with the default settings, for the current test. */
  readonly server: TestServer;
  /** Another server over the same database with these environment variables, closed after the test. */
  serverWith(
    vars: Record<string, string>,
    options?: Parameters<typeof startTestServer>[2],
  ): Promise<TestServer>;
}

/**
 * Registers the hooks of the describe block (or file) it is called in: MongoDB started once,
 * and before each test an empty database and a new server. Read `mongo` and `server` inside tests.
 */
export function serverPerTest(): ServerPerTest {
  const mongo = useTestMongo();
  let server: TestServer | undefined;
  const extra: TestServer[] = [];

  beforeEach(async () => {
    server = await startTestServer(mongo.db);
  });
  afterEach(async () => {
    await server?.close();
    await Promise.all(extra.splice(0).map((s) => s.close()));
  });

  return {
    mongo,
    get server() {
      return live(server);
    },
    async serverWith(vars, options = {}) {
      const started = await startTestServer(mongo.db, vars, options);
      extra.push(started);
      return started;
    },
  };
}

function live<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('serverPerTest: read the server inside tests or hooks');
  return value;
}
