import {
  connectMongo,
  createJobAdmin,
  createQueue,
  createVideoStore,
  type JobAdmin,
  jobCollections,
  type VideoStore,
} from '@movie-generator/jobs';
import type { Agenda } from 'agenda';
import type { Db, MongoClient } from 'mongodb';
import type { OpsEnv } from './env.ts';

/** What every command works with; `close` ends the connection so the process can exit. */
export interface OpsContext {
  env: OpsEnv;
  db: Db;
  /** List, cancel, retry, purge and count jobs. */
  admin: JobAdmin;
  videoStore: VideoStore;
  /** The Agenda queue, created on first use (only retry, show and stats need it). Never started. */
  queue(): Promise<Agenda>;
  close(): Promise<void>;
}

export async function openContext(env: OpsEnv): Promise<OpsContext> {
  const { client, db } = await connectMongo(env.MONGODB_URI, env.MONGODB_DB);
  const admin = createJobAdmin(jobCollections(db), { retentionMs: env.RETENTION_HOURS * 3600_000 });
  let queue: Promise<Agenda> | undefined;
  return {
    env,
    db,
    admin,
    videoStore: createVideoStore(env.STORAGE, db, env.DATA_DIR),
    queue() {
      queue ??= (async () => {
        const agenda = createQueue(db);
        await agenda.ready;
        return agenda;
      })();
      return queue;
    },
    close: () => closeClient(client),
  };
}

async function closeClient(client: MongoClient): Promise<void> {
  // Closing the client also ends the (never started) Agenda, which shares it.
  await client.close();
}
