import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestMongo, type TestMongo } from './mongo.ts';

export interface UseTestMongoOptions {
  /** Drops the database before each test, so every test starts empty (the default). */
  emptyBeforeEach?: boolean;
}

/**
 * Registers the MongoDB hooks of the describe block (or file) it is called in: startTestMongo
 * before all its tests (the server at MONGODB_URI when set, else the embedded one), stop after
 * them, and the database dropped before each test unless `emptyBeforeEach` is false. The
 * returned object's fields are read inside tests and hooks; its own hooks run before the
 * block's later `beforeEach` hooks and after its later `afterAll` hooks.
 */
export function useTestMongo(options: UseTestMongoOptions = {}): TestMongo {
  let mongo: TestMongo | undefined;
  const live = (): TestMongo => {
    if (!mongo) throw new Error('useTestMongo: read the database inside tests or hooks');
    return mongo;
  };

  beforeAll(async () => {
    mongo = await startTestMongo();
  });
  afterAll(async () => {
    await mongo?.stop();
    mongo = undefined;
  });
  if (options.emptyBeforeEach ?? true) {
    beforeEach(async () => {
      await live().db.dropDatabase();
    });
  }

  return {
    get uri() {
      return live().uri;
    },
    get dbName() {
      return live().dbName;
    },
    get client() {
      return live().client;
    },
    get db() {
      return live().db;
    },
    stop: () => live().stop(),
  };
}
